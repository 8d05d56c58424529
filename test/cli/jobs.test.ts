import { parseJobs } from "../../src/cli/jobs";
import { parseCliArgs } from "../../src/cli/main";

describe("parseJobs", () => {
  test("takes the default when not given, and a positive whole number as written", () => {
    expect(parseJobs(undefined, 4)).toEqual({ jobs: 4 });
    expect(parseJobs("1", 4)).toEqual({ jobs: 1 });
    expect(parseJobs("12", 2)).toEqual({ jobs: 12 });
  });

  test.each(["0", "-2", "1.5", "two", ""])("refuses %j with the value in the message", (value) => {
    const parsed = parseJobs(value, 2);
    expect(parsed).toEqual({ error: expect.stringContaining(`“${value}”`) });
    expect("error" in parsed && parsed.error).toMatch(/--jobs 需要一个正整数/);
  });

  test("check and export refuse the same bad value the same way", () => {
    for (const argv of [
      ["check", "a.xlsx", "--jobs", "0"],
      ["export", "收到", "--out", "公开", "--jobs", "0"],
    ]) {
      expect(parseCliArgs(argv, 2)).toEqual({
        command: "usage-error",
        message: (parseJobs("0", 2) as { error: string }).error,
      });
    }
  });
});
