// The web chat's page script: plain JavaScript, no framework, no network beyond this origin.
// What the user typed is only ever shown with textContent; the bot's cards are HTML that the
// server escaped (src/render/html.ts), so innerHTML is used for those alone.

(() => {
  const CHAT_URL = "/api/chat";
  /** Show the "typing" dots only when an answer is slow, so fast ones don't flicker. */
  const TYPING_DELAY_MS = 250;
  /**
   * How long to wait for an answer. The server answers in moments even when a live source is slow: past
   * this something between hangs, and every later question would wait behind it for good.
   */
  const ANSWER_TIMEOUT_MS = 20_000;
  /**
   * This page's conversation, sent with every turn so a follow-up ("and the architect?") leans on the
   * last answer. Random and made anew on each load: a reload starts a new conversation.
   */
  const SESSION = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

  const transcript = document.getElementById("transcript");
  const form = document.getElementById("composer");
  const input = document.getElementById("question");
  if (!transcript || !form || !input) return;

  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  // On touch screens, focusing the box pops up the keyboard over the answer: only do it with a mouse.
  const finePointer = window.matchMedia("(pointer: fine)");

  /** Turns run one after another, so answers arrive in the order they were asked. */
  let queue = Promise.resolve();
  /**
   * A vote (👍/👎, or the role it should have been) is cast once per answer: its group then shows the
   * choice as pressed and takes no other, so a vote is not recorded twice.
   */
  const VOTES = new Set(["feedback", "correct"]);

  function scrollToTurn(anchor) {
    // Bring the question to the top when the answer is long, otherwise show the end of the chat.
    const top = anchor.getBoundingClientRect().top + window.scrollY - 16;
    const bottom = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo({ top: Math.max(0, Math.min(top, bottom)), behavior: reducedMotion.matches ? "auto" : "smooth" });
  }

  function addUserMessage(text, isChoice) {
    const row = document.createElement("div");
    row.className = isChoice ? "msg msg-user msg-choice" : "msg msg-user";
    const bubble = document.createElement("p");
    bubble.className = "bubble";
    const who = document.createElement("span");
    who.className = "sr-only";
    who.textContent = isChoice ? "You chose: " : "You asked: ";
    bubble.append(who, document.createTextNode(text));
    row.append(bubble);
    transcript.append(row);
    return row;
  }

  // An answer goes right after its own question, not at the end: questions asked while one is on its
  // way are already below it.
  function addBotCard(html, asked) {
    const row = document.createElement("div");
    row.className = "msg msg-bot";
    row.innerHTML = html; // escaped by the server's renderer
    asked.after(row);
    return row;
  }

  function addError(message, asked) {
    const row = document.createElement("div");
    row.className = "msg msg-bot";
    const card = document.createElement("div");
    card.className = "card card-error";
    card.setAttribute("role", "alert");
    card.textContent = message;
    row.append(card);
    asked.after(row);
    return row;
  }

  function showTyping(asked) {
    const row = document.createElement("div");
    row.className = "msg msg-bot typing";
    row.setAttribute("aria-hidden", "true");
    for (let i = 0; i < 3; i++) row.append(document.createElement("span"));
    asked.after(row);
    return row;
  }

  async function exchange(body, signal) {
    let response;
    try {
      response = await fetch(CHAT_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ ...body, session: SESSION }),
        signal,
      });
    } catch {
      throw new Error("I couldn't reach the whodoes server. Is it still running?");
    }
    const data = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message = data?.error?.message;
      // A proxy's error page carries no message of ours: say the status, and that a retry may do.
      throw new Error(typeof message === "string" ? message : `The server answered ${response.status}. Try again in a moment.`);
    }
    if (!data || typeof data.html !== "string") throw new Error("The server's answer was not understood.");
    return data;
  }

  async function post(body) {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), ANSWER_TIMEOUT_MS);
    try {
      return await exchange(body, stop.signal);
    } catch (error) {
      if (stop.signal.aborted) throw new Error("The server took too long to answer. Try again in a moment.");
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One question or click, in turn; resolves to whether its answer came. */
  function turn(body, label, isChoice) {
    const asked = addUserMessage(label, isChoice);
    scrollToTurn(asked);
    queue = queue.then(async () => {
      transcript.setAttribute("aria-busy", "true");
      let typing;
      const timer = setTimeout(() => {
        typing = showTyping(asked);
      }, TYPING_DELAY_MS);
      try {
        const data = await post(body);
        addBotCard(data.html, asked);
        return true;
      } catch (error) {
        addError(error instanceof Error ? error.message : String(error), asked);
        return false;
      } finally {
        clearTimeout(timer);
        typing?.remove();
        transcript.removeAttribute("aria-busy");
        scrollToTurn(asked);
      }
    });
    return queue;
  }

  /** Marks a vote's group as cast (or, when it failed, open again). */
  function setVoted(group, chosen, voted) {
    for (const b of group.querySelectorAll("button")) {
      if (voted) b.setAttribute("aria-disabled", "true");
      else b.removeAttribute("aria-disabled");
    }
    if (voted) chosen.setAttribute("aria-pressed", "true");
    else chosen.removeAttribute("aria-pressed");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    input.value = "";
    // Only spaces: say so as an empty box does (its `required`), rather than nothing at all.
    if (text === "") {
      input.reportValidity();
      return;
    }
    input.focus();
    turn({ text }, text, false).then((ok) => {
      // An unanswered question goes back in the box (unless a new one is being typed): Enter asks it again.
      if (!ok && input.value === "") input.value = text;
    });
  });

  // One listener for every button of every card, present and future.
  transcript.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest("button[data-action]");
    if (!button || !transcript.contains(button) || button.getAttribute("aria-disabled") === "true") return;
    // A double-click's second click (detail 2) would ask the same thing again, or cast a vote twice.
    if (event.detail > 1) return;
    let action;
    try {
      action = JSON.parse(button.getAttribute("data-action") ?? "");
    } catch {
      return;
    }
    const label = (button.textContent ?? "").trim();
    // A click from the keyboard (detail 0) keeps focus on the button, so Tab leads on to the new card.
    if (event.detail > 0 && finePointer.matches) input.focus();
    const group = VOTES.has(action?.do) ? button.closest("[role=group]") : null;
    if (group) setVoted(group, button, true);
    turn({ action }, label, true).then((ok) => {
      if (group && !ok) setVoted(group, button, false);
    });
  });

  // Escape clears the box; "/" from anywhere jumps back to it (as in many chat and search pages).
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") input.value = "";
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.target === input || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    input.focus();
  });

  input.focus();
})();
