import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults to port 4010 and .data/sim-state.json", () => {
    const config = loadConfig({}, []);
    expect(config.port).toBe(4010);
    expect(config.snapshotPath).toBe(path.resolve(".data", "sim-state.json"));
    expect(config.fresh).toBe(false);
  });

  it("reads SIM_PORT, SIM_DATA_DIR, --port and --fresh", () => {
    const config = loadConfig({ SIM_PORT: "5000", SIM_DATA_DIR: "/tmp/x" }, [
      "--fresh",
      "--port",
      "4011",
    ]);
    expect(config).toMatchObject({
      port: 4011,
      snapshotPath: "/tmp/x/sim-state.json",
      fresh: true,
    });
    expect(loadConfig({ SIM_PORT: "5000" }, []).port).toBe(5000);
  });

  it("names the variable in a one-line error for a bad value", () => {
    expect(() => loadConfig({ SIM_PORT: "abc" }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ SIM_PORT: "99999" }, [])).toThrow(/^SIM_PORT: /);
    expect(() => loadConfig({}, ["--port", "x"])).toThrow(/^--port: /);
  });
});
