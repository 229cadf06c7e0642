/**
 * botbuilder's CloudAdapter, with authentication and the turn run as two steps.
 *
 * CloudAdapter.process() does both at once and turns every failure into a 500 carrying the error's message:
 * a token with a bad signature (jsonwebtoken's error, not botbuilder's AuthenticationError) would get 500,
 * not 401. Calling the same botbuilder authentication first lets the HTTP layer answer 401 for any
 * authentication failure, before the bot does anything, and keep internal messages out of responses.
 */
import {
  type Activity,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";

export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;

export class WhodoesCloudAdapter extends CloudAdapter {
  readonly #auth: ConfigurationBotFrameworkAuthentication;

  constructor(auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
    this.#auth = auth;
  }

  /** Check the request's Bot Framework token (anonymous in local mode). Throws when it is not valid. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.#auth.authenticateRequest(activity, authHeader);
  }

  /** Run one turn for an authenticated activity; returns the invoke response, if the activity was an invoke. */
  run(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
