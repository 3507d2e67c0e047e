import { CellChange, Table } from "./doors";

/*
 * The catalogue's cell cases: one bad (or tricky) cell in an otherwise valid region table, and
 * the exact answer of every door that takes it (tests/robust/catalogue.test.ts runs them):
 * - cli: `sjuk compute` exit code and stderr lines ("FILE" stands for the file's path);
 * - sheets: the problems the add-in's sheets give in the preview's workbook (task pane list);
 * - functions: SJUK.SHARE / SJUK.CONTACTS over the range, the same in HyperFormula and Excel:
 *   the #VALUE! message, or Region Skåne's amount.
 * A case read without a problem (exit 0, no sheet problem) must give the amount of the figures
 * it means (`means`): never a different number without a message.
 */

export interface CellCase {
  id: string;
  table: Table;
  changes: CellChange[];
  cli: { code: number; lines: string[] };
  sheets: string[];
  /** #VALUE! message, or Skåne's amount in kronor; a string saying why when the door does not apply. */
  functions: { error: string } | { value: number } | { skip: string };
  /** For a case read without a problem: the figures it means, data row → figure. */
  means?: Record<number, number>;
  /** For a contacts case read without a problem: the data rows that are "not reported yet" (blank). */
  notReported?: number[];
}

const at = (row: number, value: CellChange["value"]): CellChange => ({ row, value });
const region = (row: number, value: CellChange["value"]): CellChange => ({
  row,
  value,
  region: true,
});

export const CELL_CASES: CellCase[] = [
  {
    id: "text in a population cell",
    table: "population",
    changes: [at(3, "tolv")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "tolv" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "tolv" is not a number; a population figure belongs here (population for Region Sörmland)',
    ],
    functions: { error: 'key, row 3: "tolv" is not a number' },
  },
  {
    id: "negative figure",
    table: "population",
    changes: [at(3, "-297540")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "-297540" is negative (population for Region Sörmland)',
      ],
    },
    sheets: ["Population!C8: -297540 is negative (population for Region Sörmland)"],
    functions: { error: 'key, row 3: "-297540" is negative' },
  },
  {
    id: "Unicode minus",
    table: "population",
    changes: [at(3, "\u2212297540")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "−297540" is negative (population for Region Sörmland)',
      ],
    },
    sheets: ['Population!C8: "−297540" is negative (population for Region Sörmland)'],
    functions: { error: 'key, row 3: "−297540" is negative' },
  },
  {
    id: "blank population cell",
    table: "population",
    changes: [at(3, "")],
    cli: {
      code: 2,
      lines: ["sjuk: FILE, line 4, column befolkning: no population for Region Sörmland"],
    },
    sheets: ["Population!C8: no population for Region Sörmland"],
    functions: { error: "key, row 3: the cell is empty" },
  },
  {
    id: "exponent notation",
    table: "population",
    changes: [at(3, "3e5")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "3e5" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    // The sheets: the grid's formula engine reads a typed 3e5 as the number 300 000, as Excel does.
    sheets: [],
    functions: { error: 'key, row 3: "3e5" is not a number' },
  },
  {
    id: "NaN",
    table: "population",
    changes: [at(3, "NaN")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "NaN" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "NaN" is not a number; a population figure belongs here (population for Region Sörmland)',
    ],
    functions: { error: 'key, row 3: "NaN" is not a number' },
  },
  {
    id: "Infinity in words",
    table: "population",
    changes: [at(3, "Infinity")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "Infinity" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "Infinity" is not a number; a population figure belongs here (population for Region Sörmland)',
    ],
    functions: { error: 'key, row 3: "Infinity" is not a number' },
  },
  {
    id: "percent sign",
    table: "population",
    changes: [at(3, "5 %")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "5 %" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "5 %" is not a number; a population figure belongs here (population for Region Sörmland)',
    ],
    functions: { error: 'key, row 3: "5 %" is not a number' },
  },
  {
    id: "two decimal points",
    table: "population",
    changes: [at(3, "1.234.567")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "1.234.567" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "1.234.567" is not a number; a population figure belongs here (population for Region Sörmland)',
    ],
    functions: { error: 'key, row 3: "1.234.567" is not a number' },
  },
  {
    id: "31 digits",
    table: "population",
    changes: [at(3, "1".repeat(31))],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "1111111111111111111111111111111" has 31 digits; a figure may have at most 30 (population for Region Sörmland)',
      ],
    },
    // The sheets: HyperFormula keeps a typed figure to 15 digits, as Excel does, before the add-in sees
    // it; the digits lost there are issue 11's (HyperFormula precision), not caught here.
    sheets: [],
    functions: {
      error:
        'key, row 3: "1111111111111111111111111111111" has 31 digits; a figure may have at most 30',
    },
  },
  {
    id: "1 001 characters",
    table: "population",
    changes: [at(3, `${"1".repeat(500)}.${"1".repeat(500)}`)],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "111111111111111111111111111111111111111111111111111111111111…" has 1001 characters; a cell may have at most 1000 (population for Region Sörmland)',
      ],
    },
    sheets: ["Population!C8: NaN is not a finite number (population for Region Sörmland)"],
    functions: {
      error:
        'key, row 3: "111111111111111111111111111111111111111111111111111111111111…" has 1001 characters; a cell may have at most 1000',
    },
  },
  {
    id: "a quoted line break inside a figure",
    table: "population",
    changes: [at(3, "29\n7540")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "29\\n7540" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "29\\n7540" is not a number; a population figure belongs here (population for Region Sörmland)',
    ],
    functions: { error: 'key, row 3: "29\\n7540" is not a number' },
  },
  {
    id: "an escape sequence after a figure",
    table: "population",
    changes: [at(3, "297540\u001b[31m")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "297540\\u001b[31m" is not a number; a population figure belongs here (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "297540\\u001b[31m" is not a number; a population figure belongs here (population for Region Sörmland)',
    ],
    functions: { error: 'key, row 3: "297540\\u001b[31m" is not a number' },
  },
  {
    id: "every figure zero",
    table: "population",
    changes: Array.from({ length: 21 }, (_, i) => at(i + 1, 0)),
    cli: {
      code: 2,
      lines: [
        "sjuk: FILE, line 1, column befolkning: every figure is zero, so there is no share to take",
      ],
    },
    sheets: ["Population!C5: every figure is zero, so there is no share to take"],
    functions: { error: "key: every figure is zero, so there is no share to take" },
  },
  {
    id: "thousands commas decide the column",
    table: "population",
    changes: [at(1, "2,377,081"), at(2, "383,713")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 13341226 },
    means: { 1: 2377081, 2: 383713 },
  },
  {
    id: "decimal commas decide the column",
    table: "population",
    changes: [at(1, "2377081,5"), at(2, "383,713")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 13855500 },
    means: { 1: 2377081.5, 2: 383.713 },
  },
  {
    id: "a thousands comma among decimal commas",
    table: "population",
    changes: [at(1, "2377081,5"), at(2, "383713,25"), at(3, "297,540,000")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "297,540,000" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (line 2: "2377081,5"); write every figure of a column the same way (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "297,540,000" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (C6: "2377081,5"); write every figure of a column the same way (population for Region Sörmland)',
    ],
    functions: {
      error:
        'key, row 3: "297,540,000" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (row 1: "2377081,5"); write every figure of a column the same way',
    },
  },
  {
    id: "a decimal comma among thousands commas",
    table: "population",
    changes: [at(1, "2,377,081"), at(2, "1,383,713"), at(3, "297540,5")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "297540,5" has a decimal comma, but this column uses the comma for thousands (line 2: "2,377,081"); write every figure of a column the same way (population for Region Sörmland)',
      ],
    },
    sheets: [
      'Population!C8: "297540,5" has a decimal comma, but this column uses the comma for thousands (C6: "2,377,081"); write every figure of a column the same way (population for Region Sörmland)',
    ],
    functions: {
      error:
        'key, row 3: "297540,5" has a decimal comma, but this column uses the comma for thousands (row 1: "2,377,081"); write every figure of a column the same way',
    },
  },
  {
    id: "an ambiguous comma alone",
    table: "population",
    changes: [at(2, "383,713")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 3, column befolkning: "383,713" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130) (population for Region Uppsala)',
      ],
    },
    sheets: [
      'Population!C7: "383,713" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130) (population for Region Uppsala)',
    ],
    functions: {
      error:
        'key, row 2: "383,713" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130)',
    },
  },
  {
    id: "a decimal point among decimal commas",
    table: "population",
    changes: [at(1, "2377081,5"), at(2, "383713,5"), at(3, "297540.5")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 4, column befolkning: "297540.5" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (line 2: "2377081,5"); write every figure of a column the same way (population for Region Sörmland)',
      ],
    },
    // The sheets: a typed 297540.5 is the number 297 540,5 in the grid (its locale's decimal point), so the
    // column holds a number, not a text written the other way.
    sheets: [],
    functions: {
      error:
        'key, row 3: "297540.5" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (row 1: "2377081,5"); write every figure of a column the same way',
    },
  },
  {
    id: "spaces group thousands",
    table: "population",
    changes: [at(1, "2 377 081"), at(2, "383\u00a0713")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 13341226 },
    means: { 1: 2377081, 2: 383713 },
  },
  {
    id: "space-grouped decimal comma",
    table: "population",
    changes: [at(1, "2 377 081,5")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 13341225 },
    means: { 1: 2377081.5 },
  },
  {
    id: "leading and trailing spaces",
    table: "population",
    changes: [at(2, "  383713  ")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 13341226 },
    means: { 2: 383713 },
  },
  {
    id: "30 digits is still a figure",
    table: "population",
    changes: [at(1, "2377081.00000000000000000000000")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 13341226 },
    means: { 1: 2377081 },
  },
  {
    id: "negative count",
    table: "contacts",
    changes: [at(12, "-1")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column kontakter: "-1" is negative; a count cannot be (contacts for Västra Götalandsregionen)',
      ],
    },
    sheets: [
      "Contacts!F17: -1 is negative; a count cannot be (contacts for Västra Götalandsregionen)",
    ],
    functions: { error: 'contacts, row 12: "-1" is negative; a count cannot be' },
  },
  {
    id: "a count with decimals",
    table: "contacts",
    changes: [at(12, "1,5")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column kontakter: "1,5" is not a whole number (contacts for Västra Götalandsregionen)',
      ],
    },
    sheets: ['Contacts!F17: "1,5" is not a whole number (contacts for Västra Götalandsregionen)'],
    functions: { error: 'contacts, row 12: "1,5" is not a whole number' },
  },
  {
    id: "a count above 10^12",
    table: "contacts",
    changes: [at(12, "5000000000000")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column kontakter: "5000000000000" is too large; a count may be at most 1 000 000 000 000 (contacts for Västra Götalandsregionen)',
      ],
    },
    sheets: [
      "Contacts!F17: 5000000000000 is too large; a count may be at most 1 000 000 000 000 (contacts for Västra Götalandsregionen)",
    ],
    functions: {
      error:
        'contacts, row 12: "5000000000000" is too large; a count may be at most 1 000 000 000 000',
    },
  },
  {
    id: "a count in words",
    table: "contacts",
    changes: [at(12, "många")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column kontakter: "många" is not a number; a count belongs here (contacts for Västra Götalandsregionen)',
      ],
    },
    sheets: [
      'Contacts!F17: "många" is not a number; a count belongs here (contacts for Västra Götalandsregionen)',
    ],
    functions: { error: 'contacts, row 12: "många" is not a number' },
  },
  {
    // Contacts come in one region at a time: a blank count is "not reported yet", not an error
    // (issue 12 point 4). The others are computed as if Västra Götaland takes its whole cap.
    id: "a blank count",
    table: "contacts",
    changes: [at(12, "")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 3_999_000 },
    notReported: [12],
  },
  {
    id: "thousands commas in counts",
    table: "contacts",
    changes: [at(1, "4,527"), at(12, "12,345")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 2, column kontakter: "4,527" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130) (contacts for Region Stockholm)',
        'sjuk: FILE, line 13, column kontakter: "12,345" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130) (contacts for Västra Götalandsregionen)',
      ],
    },
    sheets: [
      'Contacts!F6: "4,527" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130) (contacts for Region Stockholm)',
      'Contacts!F17: "12,345" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130) (contacts for Västra Götalandsregionen)',
    ],
    functions: {
      error:
        'contacts, row 1: "4,527" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130); contacts, row 12: "12,345" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130)',
    },
  },
  {
    id: "a count with 31 digits",
    table: "contacts",
    changes: [at(12, "9".repeat(31))],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column kontakter: "9999999999999999999999999999999" has 31 digits; a figure may have at most 30 (contacts for Västra Götalandsregionen)',
      ],
    },
    sheets: [
      "Contacts!F17: 1.0000000000000001e+31 is too large; a count may be at most 1 000 000 000 000 (contacts for Västra Götalandsregionen)",
    ],
    functions: {
      error:
        'contacts, row 12: "9999999999999999999999999999999" has 31 digits; a figure may have at most 30',
    },
  },
  {
    id: "maybe is not yes or no",
    table: "fulfilment",
    changes: [at(12, "kanske")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column v1: "kanske" is not yes or no (ja/nej, yes/no, TRUE/FALSE) (v1 fulfilled for Västra Götalandsregionen)',
      ],
    },
    sheets: [
      'Conditions!B17: "kanske" is not yes or no (ja/nej, yes/no, TRUE/FALSE) (v1 fulfilled for Västra Götalandsregionen)',
    ],
    functions: {
      error: 'fulfilment, row 13, column 1: "kanske" is not yes or no (ja/nej, yes/no, TRUE/FALSE)',
    },
  },
  {
    id: "a blank flag",
    table: "fulfilment",
    changes: [at(12, "")],
    cli: {
      code: 2,
      lines: ["sjuk: FILE, line 13, column v1: no v1 fulfilled for Västra Götalandsregionen"],
    },
    sheets: ["Conditions!B17: no v1 fulfilled for Västra Götalandsregionen"],
    functions: { error: "fulfilment, row 13, column 1: the cell is empty" },
  },
  {
    id: "SANT and nej are read",
    table: "fulfilment",
    changes: [at(11, "SANT"), at(12, "nej")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: { value: 13341226 },
    means: {},
  },
  {
    id: "a control character in a flag",
    table: "fulfilment",
    changes: [at(12, "ja\u0007")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column v1: "ja\\u0007" is not yes or no (ja/nej, yes/no, TRUE/FALSE) (v1 fulfilled for Västra Götalandsregionen)',
      ],
    },
    sheets: [
      'Conditions!B17: "ja\\u0007" is not yes or no (ja/nej, yes/no, TRUE/FALSE) (v1 fulfilled for Västra Götalandsregionen)',
    ],
    functions: {
      error:
        'fulfilment, row 13, column 1: "ja\\u0007" is not yes or no (ja/nej, yes/no, TRUE/FALSE)',
    },
  },
  {
    id: "a misspelt region",
    table: "population",
    changes: [region(9, "Gottland")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 10, column region: "Gottland" is not a region; closest: Region Gotland, Region Sörmland, Region Halland',
        "sjuk: FILE, line 1, column region: Region Blekinge (10) has no row; every one of the 21 regions needs one",
      ],
    },
    sheets: [
      'Population!B14: "Gottland" is not a region; closest: Region Gotland, Region Sörmland, Region Halland',
      "Population!A5: Region Blekinge (10) has no row; every one of the 21 regions needs one",
    ],
    functions: {
      skip: "the functions' key is 21 figures in county-code order here, without names",
    },
  },
  {
    id: "a region twice",
    table: "population",
    changes: [region(12, "Region Stockholm")],
    cli: {
      code: 2,
      lines: [
        "sjuk: FILE, line 13, column region: Region Stockholm appears again; it is already on line 2",
        "sjuk: FILE, line 1, column region: Västra Götalandsregionen (14) has no row; every one of the 21 regions needs one",
      ],
    },
    sheets: [
      'Population!B17: "Region Stockholm" is Region Stockholm, but column Code says Västra Götalandsregionen',
    ],
    functions: {
      skip: "the functions' key is 21 figures in county-code order here, without names",
    },
  },
  {
    id: "a region name with a line break",
    table: "population",
    changes: [region(10, "Region\nSkåne")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: {
      skip: "the functions' key is 21 figures in county-code order here, without names",
    },
    means: {},
  },
  {
    id: "a forged message line in a region cell",
    table: "population",
    changes: [region(12, "x\nsjuk: all is well")],
    cli: {
      code: 2,
      lines: [
        'sjuk: FILE, line 13, column region: "x\\nsjuk: all is well" is not a region; closest: Region Blekinge, Region Skåne, Region Halland',
        "sjuk: FILE, line 1, column region: Västra Götalandsregionen (14) has no row; every one of the 21 regions needs one",
      ],
    },
    sheets: [
      'Population!B17: "x\\nsjuk: all is well" is not a region; closest: Region Blekinge, Region Skåne, Region Halland',
      "Population!A5: Västra Götalandsregionen (14) has no row; every one of the 21 regions needs one",
    ],
    functions: {
      skip: "the functions' key is 21 figures in county-code order here, without names",
    },
  },
  {
    id: "a county code for a name",
    table: "population",
    changes: [region(10, "12")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: {
      skip: "the functions' key is 21 figures in county-code order here, without names",
    },
    means: {},
  },
  {
    id: "a short name in capitals",
    table: "population",
    changes: [region(10, "SKÅNE")],
    cli: { code: 0, lines: [] },
    sheets: [],
    functions: {
      skip: "the functions' key is 21 figures in county-code order here, without names",
    },
    means: {},
  },
];
