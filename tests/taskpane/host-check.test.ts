import {
  REQUIREMENTS,
  checkHost,
  hasNameErrors,
  hostMessages,
} from "../../src/taskpane/host-check";

// office-host.ts reads Office and CustomFunctions only inside functions; the module loads without them.
import { displayValue } from "../../src/functions/office-host";

/** Office as an Excel that supports the requirement sets up to the given versions. */
function office(supported: Record<string, string>, addin = true) {
  const asked: string[] = [];
  return {
    asked,
    context: {
      requirements: {
        isSetSupported(name: string, version?: string) {
          asked.push(`${name} ${version}`);
          const max = supported[name];
          const minor = (v: string) => Number(v.split(".")[1]);
          return max !== undefined && minor(version ?? "1.1") <= minor(max);
        },
      },
    },
    ...(addin ? { addin: { setStartupBehavior: () => undefined } } : {}),
  };
}

const customFunctions = { associate: () => undefined };

describe("the start-up check of the host", () => {
  test("an Excel with everything: every set the code uses is asked for, and the health check is green", () => {
    const o = office({ ExcelApi: "1.17", CustomFunctionsRuntime: "1.4", SharedRuntime: "1.1" });
    const report = checkHost(o, customFunctions);
    expect(report.missing).toEqual([]);
    expect(o.asked).toEqual(
      expect.arrayContaining([
        "ExcelApi 1.6",
        "ExcelApi 1.7",
        "ExcelApi 1.8",
        "ExcelApi 1.9",
        "ExcelApi 1.13",
        "CustomFunctionsRuntime 1.2",
        "SharedRuntime 1.1",
      ])
    );
    expect(hostMessages(report, "en")).toEqual([
      {
        intent: "success",
        text: "Health check: the shared runtime is running and the SJUK functions are registered.",
      },
    ]);
  });

  test("an older Excel (ExcelApi 1.8, CustomFunctionsRuntime 1.1): says what will not work, in Swedish and English", () => {
    const report = checkHost(
      office({ ExcelApi: "1.8", CustomFunctionsRuntime: "1.1", SharedRuntime: "1.1" }),
      customFunctions
    );
    expect(report.missing.map((r) => `${r.set} ${r.version}`)).toEqual([
      "ExcelApi 1.9",
      "ExcelApi 1.13",
      "CustomFunctionsRuntime 1.2",
    ]);
    const sv = hostMessages(report, "sv").map((m) => m.text);
    expect(sv[0]).toBe(
      "Den här versionen av Excel saknar ExcelApi 1.9: att märka att Infoga bladen skapat om befolkningstabellen (tables.onAdded) fungerar inte."
    );
    expect(sv[2]).toMatch(
      /^Den här versionen av Excel saknar CustomFunctionsRuntime 1\.2: SJUK-funktionernas felmeddelanden i cellerna/
    );
    const en = hostMessages(report, "en").map((m) => m.text);
    expect(en[1]).toBe(
      "This Excel lacks ExcelApi 1.13: resizing the input tables when rows are written (Table.resize) will not work."
    );
  });

  test("no shared runtime, or functions Excel does not know (#NAME?): the health check is red and says what to do", () => {
    const noRuntime = checkHost(
      office({ ExcelApi: "1.17", CustomFunctionsRuntime: "1.4" }, false),
      undefined
    );
    expect(noRuntime).toMatchObject({ sharedRuntime: false, functions: false });
    const [last] = hostMessages(noRuntime, "en").slice(-1);
    expect(last).toEqual({
      intent: "error",
      text: "Health check: the shared runtime is not running; the SJUK functions are not registered; cells will show #NAME? (or _xldudf_SJUK_… in the file). Close and reopen the workbook; on a Mac, update Excel.",
    });
    const mac = checkHost(
      office({ ExcelApi: "1.17", CustomFunctionsRuntime: "1.4", SharedRuntime: "1.1" }),
      customFunctions,
      true
    );
    expect(mac).toMatchObject({ sharedRuntime: true, functions: false });
    expect(hostMessages(mac, "sv").slice(-1)[0]!.text).toMatch(
      /^Hälsokontroll: SJUK-funktionerna är inte registrerade; cellerna visar #NAMN\?/
    );
  });

  test("a host whose isSetSupported throws or is missing supports nothing we rely on", () => {
    const throwing = {
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("not ready");
          },
        },
      },
    };
    expect(checkHost(throwing, customFunctions).missing).toHaveLength(REQUIREMENTS.length);
    expect(checkHost(undefined, customFunctions).missing).toHaveLength(REQUIREMENTS.length);
  });

  test("#NAME? in the result cells, in English or Swedish Excel", () => {
    expect(hasNameErrors([[1, "#NAME?"]])).toBe(true);
    expect(hasNameErrors([["#NAMN?"]])).toBe(true);
    expect(hasNameErrors([[1, 2], ["#VALUE!"]])).toBe(false);
  });
});

describe("linked data types reach the functions as their display value", () => {
  test("an entity, a basic value, a grid of them; never [object Object]", () => {
    expect(displayValue({ type: "Entity", text: "Region Skåne", properties: {} })).toBe(
      "Region Skåne"
    );
    expect(displayValue({ type: "Double", basicValue: 1_400_000 })).toBe(1_400_000);
    expect(displayValue([[{ type: "String", basicValue: "ja" }, 3]])).toEqual([["ja", 3]]);
    expect(displayValue({ weird: true })).toBe("#VALUE!");
    expect(String(displayValue({ weird: true }))).not.toBe("[object Object]");
    expect(displayValue("skåne")).toBe("skåne");
  });
});
