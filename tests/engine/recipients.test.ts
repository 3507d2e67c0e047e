import synthetic from "../../examples/agreement-synthetic-290.json";
import { AGREEMENT_2020 } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import {
  REGION_SET,
  closestRecipientNames,
  findRecipient,
  recipientsOf,
  resolveRecipient,
} from "../../src/engine/recipients";

/** A fresh copy of the synthetic agreement (290 municipalities), K003 without a short name. */
function municipalities() {
  const data = structuredClone(synthetic) as { recipients: { members: { short?: string }[] } };
  delete data.recipients.members[2]!.short;
  return parseAllocationAgreement(data, "agreement-synthetic-290.json");
}

describe("recipientsOf", () => {
  it("lists an agreement's own members in its order, with their index", () => {
    const agreement = municipalities();
    const r = recipientsOf(agreement);
    expect(r.id).toBe("municipalities");
    expect(r.name).toEqual({ sv: "Kommunerna", en: "The municipalities" });
    expect(r.codes).toHaveLength(290);
    expect(r.codes.slice(0, 3)).toEqual(["K001", "K002", "K003"]);
    expect(r.members[0]).toEqual({
      code: "K001",
      name: "Syntetisk kommun 001",
      short: "Kommun 001",
    });
    expect(r.members[2]).toEqual({
      code: "K003",
      name: "Syntetisk kommun 003",
      short: "Syntetisk kommun 003",
    });
    expect(r.index.get("K012")).toBe(11);
    expect(r.index.get("K290")).toBe(289);
    expect(r.bodies).toBe(agreement.bodies);
    expect(recipientsOf(agreement)).toBe(r); // one resolution per agreement
  });

  it("takes the 21 regions, with their aliases, for the 2020 agreement", () => {
    const r = recipientsOf(AGREEMENT_2020);
    expect(r.id).toBe("regions");
    expect(r.members).toBe(REGION_SET.members);
    expect(r.codes).toHaveLength(21);
    expect(r.index.get("25")).toBe(20);
    expect(r.find("Skåne län")?.code).toBe("12");
    expect(r.closest("Gotlnd", 1)).toEqual(["Region Gotland"]);
  });
});

describe("finding a member", () => {
  it("by code, name or short name, in any case", () => {
    const agreement = municipalities();
    expect(findRecipient(agreement, "k007")?.code).toBe("K007");
    expect(findRecipient(agreement, "SYNTETISK KOMMUN 008")?.code).toBe("K008");
    expect(findRecipient(agreement, " kommun  009 ")?.code).toBe("K009");
    expect(findRecipient(agreement, "Syntetisk kommun 003")?.code).toBe("K003");
    expect(findRecipient(agreement, 7)).toBeUndefined();
    expect(findRecipient(agreement, "Kommun 291")).toBeUndefined();
    expect(findRecipient(agreement, "k007")?.code).toBe("K007"); // the alias table, kept
  });

  it("names the closest members, nearest first, ties in Swedish order", () => {
    const agreement = municipalities();
    expect(closestRecipientNames(agreement, "Kommun 12", 1)).toEqual(["Syntetisk kommun 012"]);
    expect(closestRecipientNames(agreement, "Kommun 01")).toEqual([
      "Syntetisk kommun 001",
      "Syntetisk kommun 010",
      "Syntetisk kommun 011",
    ]);
    expect(closestRecipientNames(agreement, "Kommun 01", 5)).toHaveLength(5);
  });

  it("measures a member by the nearer of its name and short name", () => {
    const data = structuredClone(synthetic) as {
      recipients: { members: { name: string; short?: string }[] };
    };
    data.recipients.members[0]!.short = "Alfa"; // name "Syntetisk kommun 001", far from "Alfa"
    data.recipients.members[1] = { ...data.recipients.members[1]!, name: "Alfy", short: "Alfz" };
    const agreement = parseAllocationAgreement(data, "agreement-synthetic-290.json");
    expect(closestRecipientNames(agreement, "Alfa", 2)).toEqual(["Syntetisk kommun 001", "Alfy"]);
  });

  it("refuses an unknown member naming the set and the closest names", () => {
    const agreement = municipalities();
    expect(resolveRecipient(agreement, "kommun 100").code).toBe("K100");
    expect(() => resolveRecipient(agreement, "Kommun 0x12")).toThrow(
      '"Kommun 0x12" is not one of the municipalities; closest: Syntetisk kommun 012, Syntetisk kommun 001, Syntetisk kommun 002'
    );
    expect(() => resolveRecipient(AGREEMENT_2020, "Lappland")).toThrow(
      /^"Lappland" is not one of the regions; closest: Region /
    );
  });
});
