import { ALL_FUNCTIONS } from "../../src/functions/catalog";
import {
  callAtCaret,
  completions,
  functionCatalogue,
  nameAtCaret,
  signature,
} from "../../src/preview/formula-help";

test("the help lists every declared SJUK function first, with its declared parameters", () => {
  const catalogue = functionCatalogue("sv");
  const sjuk = catalogue.filter((f) => f.sjuk);
  expect(sjuk.map((f) => f.name)).toEqual(ALL_FUNCTIONS.map((f) => `SJUK.${f.name}`));
  const share = catalogue.find((f) => f.name === "SJUK.SHARE")!;
  expect(signature(share, "sv")).toBe("SJUK.SHARE(region; [key]; [post]; [fulfilment]; [options]; [agreement])");
  expect(signature(share, "en")).toBe("SJUK.SHARE(region, [key], [post], [fulfilment], [options], [agreement])");
  // Built-in functions in the user's language.
  expect(catalogue.some((f) => f.name === "SUMMA")).toBe(true);
  expect(functionCatalogue("en").some((f) => f.name === "SUM")).toBe(true);
});

test("descriptions in the user's half of 'English — Swedish'", () => {
  const [share] = functionCatalogue("sv", [
    {
      id: "SHARE",
      description: "A payment. — En utbetalning.",
      parameters: [{ name: "region", description: "Region. — Regionen." }],
    },
  ]);
  expect(share!.description).toBe("En utbetalning.");
  expect(share!.parameters[0]!.description).toBe("Regionen.");
});

test("the name being typed and the completions, SJUK first", () => {
  expect(nameAtCaret("=SJUK.SH", 8)).toEqual({ prefix: "SJUK.SH", start: 1 });
  expect(nameAtCaret('=SUMMA(1;"sj', 12)).toBeUndefined();
  expect(nameAtCaret("=A1+B", 5)).toEqual({ prefix: "B", start: 4 });
  expect(nameAtCaret("=A1", 3)).toBeUndefined();
  expect(nameAtCaret("sj", 2)).toBeUndefined();
  const catalogue = functionCatalogue("sv");
  expect(completions(catalogue, "sj.sh".replace("sj.", "SJUK.")).map((f) => f.name)).toEqual([
    "SJUK.SHARE",
    "SJUK.SHARES",
  ]);
  expect(completions(catalogue, "sha").map((f) => f.name)).toEqual(["SJUK.SHARE", "SJUK.SHARES"]);
  expect(completions(catalogue, "summa")[0]!.name).toBe("SUMMA");
});

test("the call and argument at the caret, strings and nested calls skipped", () => {
  expect(callAtCaret('=SJUK.SHARE("a;b"; A1:C3; ', 25, "sv")).toEqual({
    name: "SJUK.SHARE",
    argument: 2,
  });
  expect(callAtCaret("=SJUK.SHARE(SUMMA(1;2);", 23, "sv")).toEqual({
    name: "SJUK.SHARE",
    argument: 1,
  });
  expect(callAtCaret("=SJUK.SHARE(SUMMA(1;", 20, "sv")).toEqual({ name: "SUMMA", argument: 1 });
  expect(callAtCaret("=SJUK.SHARE(2,5;", 16, "en")).toEqual({ name: "SJUK.SHARE", argument: 1 });
  expect(callAtCaret("=1+2", 4, "en")).toBeUndefined();
});
