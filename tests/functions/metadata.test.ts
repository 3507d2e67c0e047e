import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ALL_FUNCTIONS as FUNCTIONS } from "../../src/functions/catalog";

// functions.json is generated from the JSDoc in functions.ts; the declared signatures in
// catalog.ts drive the runner and HyperFormula. This keeps the two in step.
describe("functions.json and the declared signatures", () => {
  let metadata: {
    functions: {
      id: string;
      name: string;
      description: string;
      parameters: { name: string; optional?: boolean; dimensionality?: string }[];
      result: { dimensionality?: string };
      options?: Record<string, boolean>;
    }[];
  };

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(generated.errors).toEqual([]);
    metadata = JSON.parse(generated.metadataJson);
  }, 60_000);

  it("lists every SJUK function, and only those", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    "%s has the declared parameters, optional flags and shapes",
    (name, spec) => {
      const fn = metadata.functions.find((f) => f.id === name)!;
      expect(fn.parameters.map((p) => p.name)).toEqual(spec.parameters.map((p) => p.name));
      expect(fn.parameters.map((p) => p.optional ?? false)).toEqual(
        spec.parameters.map((p) => p.optional ?? false)
      );
      expect(fn.parameters.map((p) => p.dimensionality === "matrix")).toEqual(
        spec.parameters.map((p) => p.kind === "range")
      );
      expect(fn.result.dimensionality === "matrix").toBe(spec.resultSize !== undefined);
      // English and Swedish in every description.
      expect(fn.description).toMatch(/ — /);
    }
  );

  // SHARE's short form recalculates its cells; every function that gets its address remembers
  // its cell's last error for the task pane (cell-errors.ts). Nothing is volatile.
  it("the functions the add-in's sheets use know their cell's address, and nothing is volatile", () => {
    expect(
      metadata.functions
        .filter((f) => f.options?.requiresAddress)
        .map((f) => f.id)
        .sort()
    ).toEqual([
      "ALLOCATE",
      "CHECK",
      "CONTACTS",
      "DEADLINE",
      "GRANT",
      "PAID",
      "PAYDATE",
      "POST",
      "REPAY",
      "SHARE",
      "STATUS",
      "TOTAL",
    ]);
    expect(metadata.functions.filter((f) => f.options?.volatile)).toEqual([]);
  });
});
