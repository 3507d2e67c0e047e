import synthetic from "../../examples/agreement-synthetic-290.json";
import { AGREEMENT_2020 } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { ComputeInputs, REGION_CODES, compute } from "../../src/engine";
import { recipientsOf } from "../../src/engine/recipients";
import { Slab, validateInputs } from "../../src/engine/validate";
import { shippedPopulationKey } from "../../src/reference/population";
import { thrownProblems as problemsOf } from "../problems";

/*
 * validateInputs (validate.ts) on its own: what it hands compute (figures in member order,
 * counts not reported yet as unbounded, decided amounts up to the ceiling), and the exact
 * problems of the counts, the other key columns and the unit columns. Slab on its own.
 */

const key = () => shippedPopulationKey();
const tens = (): Record<string, number> => Object.fromEntries(REGION_CODES.map((c) => [c, 10]));
const at = (code: string) => REGION_CODES.indexOf(code as never);

describe("Slab: slices of one block, then fresh arrays", () => {
  it("hands out n numbers of its block per take, and a new array once the block is used up", () => {
    const slab = new Slab(3, 2);
    const a = slab.take();
    const b = slab.take();
    b[0] = 7;
    expect([a.length, b.length, slab.next]).toEqual([3, 3, 6]);
    expect(Array.from(slab.block)).toEqual([0, 0, 0, 7, 0, 0]);
    const c = slab.take();
    c.fill(9);
    expect(Array.from(c)).toEqual([9, 9, 9]);
    expect(Array.from(slab.block)).toEqual([0, 0, 0, 7, 0, 0]);
    expect(Array.from(a)).toEqual([0, 0, 0]);
    expect(slab.next).toBe(6);
  });
});

describe("counts not reported yet", () => {
  it("a member not reported counts as unbounded, the others as given", () => {
    const contacts = { contacts: tens(), notReported: ["03"] };
    const counts = validateInputs(AGREEMENT_2020, { key: key(), contacts }, {}).units.get(
      "contacts"
    )!;
    expect(counts.numbers![at("01")]).toBe(10);
    expect(counts.numbers![at("03")]).toBe(Infinity);
    expect(counts.decimals["03"]!.toString()).toBe("Infinity");
    expect(counts.decimals["01"]!.toString()).toBe("10");
  });

  it("a count beyond a safe integer keeps exact decimals, the unreported member unbounded", () => {
    const given = { ...tens(), "01": 1e16, "04": "12345678901234567" };
    const contacts = { contacts: given, notReported: ["03"] };
    const counts = validateInputs(AGREEMENT_2020, { key: key(), contacts }, {}).units.get(
      "contacts"
    )!;
    expect(counts.numbers).toBeNull();
    const shown = ["01", "03", "04", "05"].map((c) => counts.decimals[c]!.toString());
    expect(shown).toEqual(["10000000000000000", "Infinity", "12345678901234567", "10"]);
  });

  it("an unknown code among those not reported is named twice: as not reported and as a count", () => {
    const contacts = { contacts: tens(), notReported: ["99"] };
    expect(problemsOf(() => compute(AGREEMENT_2020, { key: key(), contacts }))).toEqual([
      { code: "compute.unknown-code", params: { what: "notReported", set: "regions", code: "99" } },
      { code: "compute.unknown-code", params: { what: "contacts", set: "regions", code: "99" } },
    ]);
  });

  it("counts beside members not reported yet must still be whole", () => {
    const contacts = { contacts: { ...tens(), "10": 2.5 }, notReported: ["03"] };
    expect(problemsOf(() => compute(AGREEMENT_2020, { key: key(), contacts }))).toEqual([
      { code: "compute.not-whole", params: { what: "contacts, Region Blekinge", value: "2.5" } },
    ]);
  });

  it("the contacts counts may come as a unit column when no contacts are given", () => {
    const units = { contacts: { ...tens(), "05": "12" } };
    const counts = validateInputs(AGREEMENT_2020, { key: key(), units }, {}).units.get("contacts")!;
    expect(counts.numbers![at("05")]).toBe(12);
    expect(counts.numbers![at("01")]).toBe(10);
  });
});

describe("the key", () => {
  it("a key of zeros and one decimal figure is not all zero", () => {
    const figures: Record<string, unknown> = Object.fromEntries(REGION_CODES.map((c) => [c, 0]));
    figures["10"] = "0.5";
    const keys = validateInputs(AGREEMENT_2020, { key: { ...key(), figures } as never }, {}).keys;
    const population = keys.get("population")!;
    expect(population.numbers).toBeNull();
    expect(population.decimals["10"]!.toString()).toBe("0.5");
  });
});

describe("the key's figures", () => {
  it("whole figures written as text are handed on as numbers in member order", () => {
    const given = key().figures;
    const figures = Object.fromEntries(Object.entries(given).map(([c, v]) => [c, `${v}`]));
    const keys = validateInputs(AGREEMENT_2020, { key: { ...key(), figures } }, {}).keys;
    const numbers = keys.get("population")!.numbers!;
    expect(Array.from(numbers)).toEqual(REGION_CODES.map((c) => given[c]));
  });

  it("a figure given as undefined is missing, as one not given", () => {
    const figures: Record<string, unknown> = { ...key().figures, "07": undefined };
    delete figures["08"];
    const inputs = { key: { ...key(), figures } } as never;
    expect(problemsOf(() => compute(AGREEMENT_2020, inputs))).toEqual([
      { code: "compute.missing", params: { what: "key", name: "Region Kronoberg", code: "07" } },
      { code: "compute.missing", params: { what: "key", name: "Region Kalmar län", code: "08" } },
    ]);
  });
});

describe("decided amounts", () => {
  it("a decided amount equal to the ceiling is taken", () => {
    const decided = { "v5-skr": 9_500_000, "v5-sos": "250000" };
    const v = validateInputs(AGREEMENT_2020, { key: key(), decided }, {});
    expect([...v.decided]).toEqual([
      ["v5-skr", 9_500_000],
      ["v5-sos", 250_000],
    ]);
  });

  it("a decided amount with decimals or of infinity is no amount of kronor", () => {
    const decided = { "v5-skr": 1.5, "v5-sos": "Infinity" };
    expect(problemsOf(() => compute(AGREEMENT_2020, { key: key(), decided }))).toEqual([
      { code: "compute.not-kronor", params: { post: "v5-skr", value: "1.5" } },
      { code: "compute.not-kronor", params: { post: "v5-sos", value: '"Infinity"' } },
    ]);
  });
});

describe("an agreement with a second key column and other unit columns", () => {
  const agreement = () => parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
  const codes = () => recipientsOf(agreement()).codes;
  const ones = () => Object.fromEntries(codes().map((c) => [c, 1]));
  const k = (figures: Record<string, unknown>) =>
    ({ figures, date: null, source: "test" }) as never;

  it("a second key column may have decimals, and its problems name the column", () => {
    const a = agreement();
    const elderly = { ...ones(), K002: "2.5" };
    const v = validateInputs(a, { key: k(ones()), keys: { elderly: k(elderly) } }, {});
    expect(v.keys.get("elderly")!.decimals["K002"]!.toString()).toBe("2.5");
    const bad = { ...ones(), K001: -3 };
    expect(problemsOf(() => compute(a, { key: k(ones()), keys: { elderly: k(bad) } }))).toEqual([
      {
        code: "compute.negative",
        params: { what: "keys.elderly, Syntetisk kommun 001", value: "-3" },
      },
    ]);
  });

  it("contacts given beside its own unit columns are no unit column given twice", () => {
    const a = agreement();
    const counts = Object.fromEntries(codes().map((c) => [c, 2]));
    const inputs: ComputeInputs = {
      key: k(ones()),
      keys: { elderly: k(ones()) },
      contacts: { contacts: counts },
      units: { visits: counts, placements: counts },
    };
    const v = validateInputs(a, inputs, {});
    expect([...v.units.keys()]).toEqual(["visits", "placements"]);
    expect(v.units.get("visits")!.numbers![0]).toBe(2);
  });
});
