import { formatProblem } from "../../src/core/errors";
import {
  REGIONS,
  REGION_CODES,
  closestRegionNames,
  findRegion,
  normalizeName,
  regionByCode,
  resolveRegion,
  unknownRegionMessage,
} from "../../src/engine/regions";

const codeOf = (text: string | number) => findRegion(text)?.code;

describe("the 21 regions", () => {
  it("are in county-code order, with SCB's codes", () => {
    expect(REGION_CODES).toEqual([
      "01",
      "03",
      "04",
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
      "12",
      "13",
      "14",
      "17",
      "18",
      "19",
      "20",
      "21",
      "22",
      "23",
      "24",
      "25",
    ]);
    expect(REGIONS.map((r) => r.code)).toEqual(REGION_CODES);
  });

  it("compare names without case, diacritics or extra spaces", () => {
    expect(normalizeName("  SKÅNE ")).toBe("skane");
    expect(normalizeName("Västra\u00a0  Götaland")).toBe("vastra gotaland");
    expect(normalizeName("Region\tÖrebro\nlän")).toBe("region orebro lan");
  });
});

describe("findRegion", () => {
  it("finds a region by official name, short name, county code and the names SCB and people use", () => {
    expect(codeOf("Region Skåne")).toBe("12");
    expect(codeOf("skane")).toBe("12");
    expect(codeOf("Skåne län")).toBe("12");
    expect(codeOf("region skåne")).toBe("12");
    expect(codeOf("12")).toBe("12");
    expect(codeOf(12)).toBe("12");
    expect(codeOf("VGR")).toBe("14");
    expect(codeOf("Västra Götalandsregionen")).toBe("14");
    expect(codeOf("Västra Götalands län")).toBe("14");
    expect(codeOf("Södermanland")).toBe("04");
    expect(codeOf("Sörmland")).toBe("04");
    expect(codeOf("Jämtland")).toBe("23");
    expect(codeOf("Region Jämtland Härjedalen")).toBe("23");
    expect(codeOf("Norrbottens län")).toBe("25");
    expect(codeOf("Region Örebro")).toBe("18");
  });

  it("reads a one-digit county code as SCB's two digits", () => {
    expect(codeOf("1")).toBe("01");
    expect(codeOf(1)).toBe("01");
    expect(codeOf(" 9 ")).toBe("09");
    expect(codeOf("01")).toBe("01");
    expect(codeOf("2")).toBeUndefined(); // no county 02
    expect(codeOf("11")).toBeUndefined();
    expect(codeOf("x")).toBeUndefined();
    expect(codeOf("1 1")).toBeUndefined();
  });

  it("regionByCode takes only the two-digit codes", () => {
    expect(regionByCode("09").name).toBe("Region Gotland");
    expect(() => regionByCode("9")).toThrow("county code: no region has the code 9");
    expect(findRegion("K009")).toBeUndefined();
  });
});

describe("unknown names", () => {
  it("name the closest official names, nearest first", () => {
    expect(closestRegionNames("Uppsal")[0]).toBe("Region Uppsala");
    expect(closestRegionNames("Region Skane")[0]).toBe("Region Skåne");
    expect(closestRegionNames("Gotlnd", 1)).toEqual(["Region Gotland"]);
    expect(closestRegionNames("Halland", 2)).toHaveLength(2);
    expect(closestRegionNames("Kalmar")).toHaveLength(3);
  });

  it("break ties between equally close names in Swedish alphabetical order", () => {
    // "" is as far from each name as its shorter form is long: Skåne (5), then Kalmar and Örebro (6).
    expect(closestRegionNames("")).toEqual([
      "Region Skåne",
      "Region Kalmar län",
      "Region Örebro län",
    ]);
  });

  it("are refused with the closest names", () => {
    expect(formatProblem(unknownRegionMessage("Gotlnd"))).toBe(
      `"Gotlnd" is not a region; closest: ${closestRegionNames("Gotlnd").join(", ")}`
    );
    expect(closestRegionNames("Gotlnd")[0]).toBe("Region Gotland");
    expect(() => resolveRegion("Lappland")).toThrow(
      /^"Lappland" is not a region; closest: Region \S/
    );
    expect(resolveRegion(25).short).toBe("Norrbotten");
    expect(formatProblem(unknownRegionMessage(99))).toMatch(/^"99" is not a region; closest: /);
  });
});
