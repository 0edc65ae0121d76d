import { defineConfig } from "vitest/config";

// One run for unit, integration and browser tests; browser tests start their own server.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/**/*.test.ts", "scripts/**/*.test.ts", "e2e/**/*.test.ts", "bench/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    pool: "forks",
    // Test servers load the Monaco sample only; a test that needs Nanjing asks for it.
    env: { TONGXING_SAMPLES: "monaco" },
  },
});
