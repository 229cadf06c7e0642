import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Integration tests start real servers and child processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The CLI's caches and the server's state go to a temporary folder, removed after the run.
    globalSetup: ["tests/helpers/temporary-state.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: [...configDefaults.exclude, "tests/deploy/**"] },
      },
      {
        // The container image and compose file, built and run with podman: minutes, not seconds, and CPU-heavy,
        // so it runs after the others (groupOrder) rather than beside their timing-sensitive tests.
        extends: true,
        test: {
          name: "deploy",
          include: ["tests/deploy/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 1_800_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
