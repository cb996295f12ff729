// Converts the shipped xlsx workbooks and the SHCP CSV to BIFF8 .xls with
// SheetJS (npm install xlsx@0.18.5).
// Usage: node xls_from_xlsx.js OUT_DIR SHARED_DATA_DIR
const XLSX = require('xlsx');
const fs = require('fs');
const out = process.argv[2] || '.';
const D = (process.argv[3] || '../../../../shared/data') + '/';
function conv(src, dst, sst) {
  const wb = XLSX.readFile(src, {cellNF: true, cellStyles: true, cellDates: false});
  XLSX.writeFile(wb, out + '/' + dst, {bookType: 'biff8', bookSST: !!sst});
}
conv(D + 'conapo_esperanza_vida_1950_2070.xlsx', 'conapo_esperanza_vida_1950_2070.xls', true);
conv(D + 'ieem_gubernatura_2023_por_distrito_local.xlsx', 'ieem_gubernatura_2023_por_distrito_local.xls');
conv(__dirname + '/fixture_sesnsp_2026_merged.xlsx', 'fixture_sesnsp_2026_merged.xls', true);

// A federal-budget workbook shaped like SHCP's Cuenta Pública .xls.
const csv = XLSX.read(fs.readFileSync(D + 'shcp_cuenta_publica_totales_ramo_2013_2023.csv', 'utf8'), {type: 'string', raw: false});
const rows = XLSX.utils.sheet_to_json(csv.Sheets[csv.SheetNames[0]], {header: 1, defval: null});
const head = rows[0], data = rows.slice(1);
const y2023 = data.filter(r => r[0] === 2023);
const aoa = [
  ['CUENTA PÚBLICA 2023'],
  ['Gasto por ramo, clasificación económica'],
  ['(Pesos)'],
  [],
  ['Ciclo', 'Ente', 'Ramo', 'Presupuesto', 'Gasto corriente', null, null, null, null, 'Gasto de inversión', null, null, null, null, 'Total'],
  [null, null, null, null, 'Servicios personales', 'Gasto de operación', 'Subsidios', 'Otros de corriente', 'Suma', 'Pensiones y jubilaciones', 'Inversión física', 'Subsidios', 'Otros de inversión', 'Suma', null],
];
for (const r of y2023) aoa.push(r.slice(0, 15));
aoa.push([]);
aoa.push(['Fuente: SHCP, Cuenta Pública 2023.']);
const ws = XLSX.utils.aoa_to_sheet(aoa);
ws['!merges'] = [
  {s: {r: 4, c: 0}, e: {r: 5, c: 0}}, {s: {r: 4, c: 1}, e: {r: 5, c: 1}},
  {s: {r: 4, c: 2}, e: {r: 5, c: 2}}, {s: {r: 4, c: 3}, e: {r: 5, c: 3}},
  {s: {r: 4, c: 4}, e: {r: 4, c: 8}}, {s: {r: 4, c: 9}, e: {r: 4, c: 13}},
  {s: {r: 4, c: 14}, e: {r: 5, c: 14}},
];
const flat = [['CICLO', 'RAMO', 'PRESUPUESTO', 'GC_SUMA', 'GI_SUMA', 'TOTAL']];
for (const r of data) flat.push([r[0], r[2], r[3], r[8], r[13], r[14]]);
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, 'Ramos 2023');
XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(flat), 'Totales 2013-2023');
XLSX.writeFile(wb, out + '/shcp_cuenta_publica_ramos_2023.xls', {bookType: 'biff8', bookSST: true});
console.log('2023 rows', y2023.length, 'all rows', data.length);

// A small workbook whose Workbook stream is under 4,096 bytes, so the
// compound file keeps it in the mini stream: the 2020 census population
// of the 32 states (code as text, name, total).
const censo = XLSX.read(fs.readFileSync(D + 'censo2020_poblacion_estatal.csv', 'utf8'), {type: 'string', raw: true});
const crow = XLSX.utils.sheet_to_json(censo.Sheets[censo.SheetNames[0]], {header: 1, raw: true});
const mini = crow.map((r, i) => i === 0 ? [r[2], r[1], r[3]] : [String(r[2]), r[1], Number(r[3])]);
const wbm = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wbm, XLSX.utils.aoa_to_sheet(mini), 'Poblacion');
XLSX.writeFile(wbm, out + '/censo2020_poblacion_estatal_mini.xls', {bookType: 'biff8', bookSST: true});
