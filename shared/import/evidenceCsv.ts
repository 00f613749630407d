// A general CSV import for any evidence type: the user maps the file's columns to the register's
// fields, sees every row's problems before anything is written, and the import is all or nothing.
import Papa from 'papaparse';
import { evidenceInput, OTHER_SOURCES, type EvidenceParsed, type EvidenceType } from '../domain/evidence';
import { parseLooseDate } from './pfd';

export type FieldKind = 'text' | 'date' | 'number' | 'boolean' | 'list';

export interface TargetField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** other header names that mean this field */
  aliases: string[];
}

const common: TargetField[] = [
  { key: 'ref', label: 'Reference', kind: 'text', required: true, aliases: ['reference', 'id', 'ref no', 'case ref'] },
  { key: 'title', label: 'Title', kind: 'text', required: true, aliases: ['subject', 'name of issue', 'heading'] },
  { key: 'summary', label: 'Panel-facing summary', kind: 'text', required: false, aliases: ['summary', 'description', 'details'] },
  { key: 'receivedOn', label: 'Date received', kind: 'date', required: true, aliases: ['date', 'received', 'date received', 'received on'] },
  { key: 'benefitLines', label: 'Benefit lines', kind: 'list', required: false, aliases: ['benefit', 'benefits', 'benefit line'] },
  { key: 'region', label: 'Region or area', kind: 'text', required: false, aliases: ['area', 'location'] },
  { key: 'tags', label: 'Tags', kind: 'list', required: false, aliases: ['keywords', 'labels'] },
  { key: 'sensitivity', label: 'Marking (OFFICIAL or OFFICIAL-SENSITIVE)', kind: 'text', required: false, aliases: ['marking', 'classification'] },
];

const personal: TargetField[] = [
  { key: 'personal.personName', label: 'Name of the person (restricted)', kind: 'text', required: false, aliases: ['name', 'claimant', 'claimant name', 'deceased', 'deceased name'] },
  { key: 'personal.caseReference', label: 'Case reference (restricted)', kind: 'text', required: false, aliases: ['case reference', 'case number'] },
];

const f = (key: string, label: string, kind: FieldKind, aliases: string[] = [], required = false): TargetField => ({ key: `details.${key}`, label, kind, required, aliases });

const SPECIFIC: Record<EvidenceType, TargetField[]> = {
  ipr: [
    f('referralDate', 'Referral date', 'date', ['referral', 'referred']),
    f('acceptedDate', 'Accepted date', 'date', ['accepted']),
    f('concludedDate', 'Final report date', 'date', ['concluded', 'final report', 'concluded date']),
    f('presentedDate', 'Presented date', 'date', ['presented']),
    f('suicideOrSelfHarm', 'Concerns suicide or self-harm (yes/no)', 'boolean', ['suicide', 'self harm', 'suicide or self harm']),
    f('outcome', 'Outcome', 'text'),
    f('learningPoints', 'Learning points', 'text', ['learning']),
  ],
  complaint: [
    f('serviceArea', 'Service area', 'text', ['service']),
    f('periodFrom', 'Period from', 'date', ['from', 'start']),
    f('periodTo', 'Period to', 'date', ['to', 'end']),
    f('complaintCount', 'Number of complaints', 'number', ['count', 'complaints', 'number']),
  ],
  frontline: [f('fromWhom', 'From (role or team)', 'text', ['from', 'team', 'role']), f('channel', 'Channel', 'text')],
  ice: [
    f('periodFrom', 'Period from', 'date', ['from']),
    f('periodTo', 'Period to', 'date', ['to']),
    f('casesExamined', 'Cases examined', 'number', ['cases', 'examined']),
    f('upheld', 'Upheld', 'number'),
    f('themesRaised', 'Themes raised', 'text', ['themes']),
  ],
  pfd: [
    f('coronerRef', 'Coroner’s reference', 'text', ['coroner ref', 'pfd ref'], true),
    f('reportDate', 'Date of report', 'date', ['report date', 'date of report'], true),
    f('coronerName', 'Coroner', 'text', ['coroner', 'coroner name']),
    f('coronerArea', 'Coroner area', 'text', ['coroner area']),
    f('category', 'Category', 'text'),
    f('addressees', 'Sent to', 'list', ['addressees', 'sent to', 'this report is being sent to']),
    f('addressedToDwp', 'Addressed to DWP (yes/no)', 'boolean', ['dwp', 'to dwp']),
    f('circumstances', 'Circumstances', 'text'),
    f('concerns', 'Matters of concern', 'text', ['concerns']),
    f('reportUrl', 'Link to the report', 'text', ['url', 'link', 'report url']),
  ],
  sar: [f('board', 'Safeguarding Adults Board', 'text', ['board']), f('reviewDate', 'Date of review', 'date', ['review date']), f('dwpInvolvement', 'DWP’s involvement', 'text', ['involvement'])],
  other: [f('sourceBody', `Source (${OTHER_SOURCES.join(', ')})`, 'text', ['source', 'body']), f('sourceDetail', 'Source detail', 'text', ['detail'])],
};

export function targetFields(type: EvidenceType): TargetField[] {
  return [...common, ...SPECIFIC[type], ...personal];
}

/** field key -> column index in the file, or null when not imported */
export type ColumnMapping = Record<string, number | null>;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export function suggestMapping(headers: string[], type: EvidenceType): ColumnMapping {
  const names = headers.map(norm);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of targetFields(type)) {
    const leaf = field.key.split('.').pop()!;
    const candidates = [norm(leaf.replace(/([A-Z])/g, ' $1')), norm(field.label), ...field.aliases.map(norm)];
    const i = names.findIndex((n, idx) => !used.has(idx) && candidates.includes(n));
    mapping[field.key] = i >= 0 ? i : null;
    if (i >= 0) used.add(i);
  }
  return mapping;
}

export interface CsvTable {
  headers: string[];
  rows: string[][];
  problems: string[];
}

export function readCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = parsed.data;
  const problems = parsed.errors.slice(0, 20).map((e) => `Row ${(e.row ?? 0) + 1}: ${e.message}`);
  return { headers: headers.map((h) => String(h).trim()), rows, problems };
}

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export interface MappedRows {
  inputs: { row: number; input: EvidenceParsed }[];
  problems: RowProblem[];
}

function convert(kind: FieldKind, raw: string, label: string): { value?: unknown; error?: string } {
  const v = raw.trim();
  switch (kind) {
    case 'text':
      return { value: v };
    case 'date': {
      if (!v) return { value: '' };
      const iso = parseLooseDate(v);
      return iso ? { value: iso } : { error: `${label}: “${v.slice(0, 40)}” is not a date (use 13/02/2024 or 13 February 2024)` };
    }
    case 'number': {
      if (!v) return { value: null };
      const n = Number(v.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { error: `${label}: “${v.slice(0, 40)}” is not a number` };
    }
    case 'boolean': {
      if (/^(y|yes|true|1)$/i.test(v)) return { value: true };
      if (/^(n|no|false|0|)$/i.test(v)) return { value: false };
      return { error: `${label}: “${v.slice(0, 40)}” should be yes or no` };
    }
    case 'list':
      return { value: v.split(/[;|\n]/).map((s) => s.trim()).filter(Boolean) };
  }
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts.at(-1)!] = value;
}

/** Turns every row into a validated record, or into the problems that stop it. */
export function mapRows(table: CsvTable, type: EvidenceType, mapping: ColumnMapping): MappedRows {
  const fields = targetFields(type);
  const problems: RowProblem[] = [];
  const inputs: MappedRows['inputs'] = [];
  for (const f of fields) {
    if (f.required && (mapping[f.key] === null || mapping[f.key] === undefined)) problems.push({ row: 0, field: f.key, message: `Choose the column that holds “${f.label}”: it is required.` });
  }
  if (problems.length) return { inputs, problems };
  const seen = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const row = i + 1;
    const obj: Record<string, unknown> = { summary: '', region: '', sensitivity: 'official-sensitive', details: { type }, personal: { personName: '', caseReference: '' } };
    let bad = false;
    for (const f of fields) {
      const col = mapping[f.key];
      if (col === null || col === undefined) continue;
      const { value, error } = convert(f.kind, String(cells[col] ?? ''), f.label);
      if (error) {
        problems.push({ row, field: f.key, message: error });
        bad = true;
      } else setPath(obj, f.key, value);
    }
    if (typeof obj.sensitivity === 'string') {
      const s = obj.sensitivity.toLowerCase().replace(/[\s_]+/g, '-');
      obj.sensitivity = s === '' ? 'official-sensitive' : s;
    }
    if (bad) return;
    const parsed = evidenceInput.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) problems.push({ row, field: issue.path.join('.'), message: issue.message });
      return;
    }
    const key = parsed.data.ref.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ row, field: 'ref', message: `Reference ${parsed.data.ref} is also used at row ${first}` });
      return;
    }
    seen.set(key, row);
    inputs.push({ row, input: parsed.data });
  });
  return { inputs, problems };
}
