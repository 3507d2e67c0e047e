import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose other
// dependencies ship ES modules that jest (CommonJS here) cannot load; give it just the enum.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { ExcelPort, ExcelRun } from "../../src/workbook/excel-port";

/** A mock workbook with one table of `bodyRows` rows × 3 columns, and a counter of context.sync() calls. */
function mockWorkbook(bodyRows: number) {
  const target: Record<string, unknown> = { formulas: [] };
  const cleared: unknown[] = [];
  const data = {
    context: {
      workbook: {
        tables: {
          table: {
            name: "SJUK_Befolkning",
            resizedTo: "" as unknown,
            header: {
              columnCount: 3,
              rowIndex: 4,
              columnIndex: 0,
              values: [["Kod", "Region", "Befolkning"]],
              below: {
                getResizedRange(rows: number) {
                  target.rows = rows + 1;
                  return target;
                },
              },
              getOffsetRange(rows: number) {
                if (rows > 1)
                  return {
                    getResizedRange: (n: number) => ({
                      clear: (what: string) => cleared.push([rows, n, what]),
                    }),
                  };
                return this.below;
              },
              getResizedRange(rows: number) {
                return { rows };
              },
            },
            body: {
              rowCount: bodyRows,
              values: Array.from({ length: bodyRows }, (_, i) => [String(i), `R${i}`, i]),
            },
            sheet: { name: "Befolkning" },
            getHeaderRowRange() {
              return this.header;
            },
            getDataBodyRange() {
              return this.body;
            },
            resize(range: unknown) {
              this.resizedTo = range;
            },
          },
          getItem() {
            return this.table;
          },
          getItemOrNullObject() {
            return this.table;
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    context: Excel.RequestContext & {
      workbook: { tables: { table: { resizedTo: unknown; worksheet: unknown; sheet: unknown } } };
    };
  };
  // table.worksheet is a navigation property: point it at the mock sheet.
  (mock.context.workbook.tables.table as { worksheet: unknown }).worksheet =
    mock.context.workbook.tables.table.sheet;
  // isNullObject is readable after a sync without a load in Excel; the mock knows no such property.
  (mock.context.workbook.tables.table as { isNullObject?: boolean }).isNullObject = false;
  let syncs = 0;
  const context = mock.context as unknown as Excel.RequestContext;
  const realSync = context.sync.bind(context);
  (context as { sync: () => Promise<void> }).sync = async () => {
    syncs++;
    await realSync();
  };
  const run: ExcelRun = (batch) => batch(context);
  return {
    port: new ExcelPort(run),
    syncs: () => syncs,
    target,
    cleared,
    table: mock.context.workbook.tables.table,
  };
}

const rowsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => [String(i).padStart(2, "0"), `Region ${i}`, 1000 + i]);

describe("ExcelPort costs a constant number of context.sync() calls", () => {
  test("writeTableBody: 21 rows and 2 000 rows take the same two syncs", async () => {
    const small = mockWorkbook(21);
    await small.port.writeTableBody("SJUK_Befolkning", rowsOf(21));
    const large = mockWorkbook(21);
    await large.port.writeTableBody("SJUK_Befolkning", rowsOf(2000));
    expect(small.syncs()).toBe(2);
    expect(large.syncs()).toBe(small.syncs());
    // The whole body went in as one 2-D array, and the table was resized to header + rows.
    expect((small.target.formulas as unknown[][]).length).toBe(21);
    expect((large.target.formulas as unknown[][]).length).toBe(2000);
    expect((large.target.formulas as unknown[][])[1999]).toEqual(["1999", "Region 1999", 2999]);
    expect(large.target.rows).toBe(2000);
    expect(large.table.resizedTo).toEqual({ rows: 2000 });
    expect(large.cleared).toEqual([]);
  });

  test("shrinking 2 000 rows to 21 clears the rows left over, still in two syncs", async () => {
    const shrink = mockWorkbook(2000);
    await shrink.port.writeTableBody("SJUK_Befolkning", rowsOf(21));
    expect(shrink.syncs()).toBe(2);
    expect(shrink.cleared).toEqual([[22, 1978, "Contents"]]);
    expect(shrink.table.resizedTo).toEqual({ rows: 21 });
  });

  test("a row of the wrong width is refused before anything is written", async () => {
    const bad = mockWorkbook(21);
    await expect(bad.port.writeTableBody("SJUK_Befolkning", [[1, 2]])).rejects.toThrow(
      /row 1: 2 values for 3 columns/
    );
    expect(bad.syncs()).toBe(1);
    expect(bad.target.formulas).toEqual([]);
  });

  test("readTable: 21 rows and 2 000 rows take the same two syncs (does it exist, then its values)", async () => {
    const small = mockWorkbook(21);
    const a = await small.port.readTable("SJUK_Befolkning");
    const large = mockWorkbook(2000);
    const b = await large.port.readTable("SJUK_Befolkning");
    expect(small.syncs()).toBe(2);
    expect(large.syncs()).toBe(2);
    expect(a!.rows).toHaveLength(21);
    expect(b!.rows).toHaveLength(2000);
    expect(b!).toMatchObject({
      name: "SJUK_Befolkning",
      sheet: "Befolkning",
      topLeft: "A5",
      headers: ["Kod", "Region", "Befolkning"],
    });
  });
});
