import type { RegistryEcDecision, RegistryImportError, RegistryPhase, RegistryStatus } from '@ctp/contracts';
import { parse } from 'csv-parse/sync';
import { hashOf, type ParsedFile, type RegistryRecord, registryDate, text } from './record.ts';

/** The header-less CSV layout of the CTR sample (shared/data/registries/ctr/HEADERS.txt). */
export const CTR_FILES = {
  trials: 'trial_info.csv',
  sites: 'trial_site_info.csv',
  pis: 'trial_pi_info.csv',
  ethics: 'trial_ec_info.csv',
} as const;
const COLUMNS = { trials: 43, sites: 6, pis: 7, ethics: 4 } as const;
const TRIAL = {
  ctrNo: 0,
  status: 1,
  detailStatus: 2,
  sponsor: 4,
  publicationDate: 5,
  indication: 11,
  phase: 12,
  plannedSize: 18,
  fpiDate: 24,
  closeDate: 25,
  officialName: 27,
  commonName: 28,
} as const;

type Kind = keyof typeof CTR_FILES;

/**
 * CTR records from the four CSV files (by name; only trial_info.csv is required). A record is a trial with its
 * sites (PI and 职称 from trial_pi_info by CTR number and name) and ethics decisions. Rows that cannot be read are
 * reported as `file line N`; a trial with a bad row of its own is refused as a whole.
 */
export function parseCtrFiles(files: Record<string, string>): ParsedFile {
  const errors: RegistryImportError[] = [];
  if (files[CTR_FILES.trials] === undefined)
    return { records: [], errors: [{ index: -1, id: null, reason: `${CTR_FILES.trials} missing` }], total: 0 };
  const rows = {} as Record<Kind, { line: number; cells: string[] }[]>;
  for (const kind of Object.keys(CTR_FILES) as Kind[]) {
    rows[kind] = [];
    const content = files[CTR_FILES[kind]];
    if (content === undefined) continue;
    let parsed: string[][];
    try {
      parsed = parse(content.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][];
    } catch (e) {
      errors.push({ index: -1, id: null, reason: `${CTR_FILES[kind]}: not CSV: ${(e as Error).message}` });
      continue;
    }
    for (const [i, cells] of parsed.entries()) rows[kind].push({ line: i + 1, cells });
  }
  if (errors.length) return { records: [], errors, total: 0 };

  const refused = new Set<string>();
  const byTrial = <T>(kind: Kind, read: (cells: string[]) => T) => {
    const map = new Map<string, T[]>();
    for (const { line, cells } of rows[kind]) {
      const ctrNo = (cells[0] ?? '').trim();
      const where = `${CTR_FILES[kind]} line ${line}`;
      if (cells.length !== COLUMNS[kind]) {
        errors.push({
          index: line,
          id: ctrNo || null,
          reason: `${where}: ${cells.length} columns, expected ${COLUMNS[kind]}`,
        });
        if (ctrNo) refused.add(ctrNo);
        continue;
      }
      if (!/^CTR\d{8}$/.test(ctrNo)) {
        errors.push({ index: line, id: ctrNo || null, reason: `${where}: not a CTR number: ${ctrNo || '(empty)'}` });
        continue;
      }
      const list = map.get(ctrNo) ?? [];
      list.push(read(cells));
      map.set(ctrNo, list);
    }
    return map;
  };
  const trials = byTrial('trials', (c) => c);
  const sites = byTrial('sites', (c) => c);
  const pis = byTrial('pis', (c) => c);
  const ethics = byTrial('ethics', (c) => c);
  for (const kind of ['sites', 'pis', 'ethics'] as const)
    for (const ctrNo of { sites, pis, ethics }[kind].keys())
      if (!trials.has(ctrNo))
        errors.push({ index: -1, id: ctrNo, reason: `${CTR_FILES[kind]}: ${ctrNo} is not in ${CTR_FILES.trials}` });

  const records: RegistryRecord[] = [];
  for (const [ctrNo, [cells, ...duplicates]] of trials) {
    if (duplicates.length) {
      errors.push({
        index: -1,
        id: ctrNo,
        reason: `${CTR_FILES.trials}: ${ctrNo} appears ${duplicates.length + 1} times`,
      });
      continue;
    }
    if (refused.has(ctrNo) || !cells) continue;
    const title = text(cells[TRIAL.commonName]) ?? text(cells[TRIAL.officialName]);
    if (!title) {
      errors.push({ index: -1, id: ctrNo, reason: `${CTR_FILES.trials}: ${ctrNo} has no title` });
      continue;
    }
    const piTitles = new Map((pis.get(ctrNo) ?? []).map((p) => [p[1]?.trim() ?? '', text(p[2])]));
    const trialSites = sites.get(ctrNo) ?? [];
    const trialEthics = ethics.get(ctrNo) ?? [];
    records.push({
      source: 'ctr',
      registryId: ctrNo,
      briefTitle: title,
      officialTitle: text(cells[TRIAL.officialName]),
      status: ctrStatus(cells[TRIAL.detailStatus] ?? '', cells[TRIAL.status] ?? ''),
      statusRaw: text(cells[TRIAL.detailStatus]) ?? text(cells[TRIAL.status]),
      phases: ctrPhases(cells[TRIAL.phase] ?? ''),
      phaseRaw: text(cells[TRIAL.phase]),
      enrolment: plannedSize(cells[TRIAL.plannedSize] ?? ''),
      leadSponsor: text(cells[TRIAL.sponsor]),
      startDate: registryDate(cells[TRIAL.fpiDate]),
      completionDate: registryDate(cells[TRIAL.closeDate]),
      lastUpdateDate: registryDate(cells[TRIAL.publicationDate]),
      conditions: text(cells[TRIAL.indication]) ? [text(cells[TRIAL.indication])!] : [],
      mesh: [],
      sites: trialSites.map((s) => ({
        facility: s[1]?.trim() ?? '',
        piName: text(s[2]),
        piTitle: piTitles.get(s[2]?.trim() ?? '') ?? null,
        country: text(s[3]),
        province: text(s[4]),
        city: text(s[5]),
        lat: null,
        lon: null,
        status: null,
      })),
      ethics: trialEthics.map((e) => ({
        ecName: e[1]?.trim() ?? '',
        decision: ecDecision(e[2] ?? ''),
        decisionRaw: e[2]?.trim() ?? '',
        date: registryDate(e[3]),
      })),
      hash: hashOf({ trial: cells, sites: trialSites, pis: pis.get(ctrNo) ?? [], ethics: trialEthics }),
    });
  }
  return { records, errors, total: trials.size };
}

/** 进行中（尚未招募）, 进行中（招募中）, 进行中（招募完成）, 已完成, 主动暂停, 主动终止 … */
export function ctrStatus(detail: string, status: string): RegistryStatus {
  const s = `${detail} ${status}`;
  if (/尚未招募/.test(s)) return 'not_yet_recruiting';
  if (/招募完成/.test(s)) return 'active_not_recruiting';
  if (/招募中/.test(s)) return 'recruiting';
  if (/暂停/.test(s)) return 'suspended';
  if (/终止/.test(s)) return 'terminated';
  if (/已完成/.test(s)) return 'completed';
  return 'unknown';
}

/** I期, II期, "其它其他说明:Ib/IIa期", "I/Ⅱ期", 生物等效性试验, BE … → phases. */
export function ctrPhases(raw: string): RegistryPhase[] {
  const t = raw.normalize('NFKC');
  if (/生物等效|生物利用度|\bBE\b|BE(?:试验|实验)/i.test(t)) return ['be'];
  const found = new Set<RegistryPhase>();
  const roman: Record<string, RegistryPhase> = { I: 'phase1', II: 'phase2', III: 'phase3', IV: 'phase4' };
  for (const m of t.matchAll(/(IV|III|II|I)(?=[ab]?(?:期|\/|$))/g)) found.add(roman[m[1]!]!);
  return [...found];
}

/** "国内:45；" or "国内:120；国际:300；" → the sum; "登记人暂未填写该信息" → null. */
export function plannedSize(raw: string): number | null {
  const numbers = [...raw.normalize('NFKC').matchAll(/:\s*(\d+)/g)].map((m) => Number(m[1]));
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}

export function ecDecision(raw: string): RegistryEcDecision {
  const t = raw.trim();
  if (t === '同意') return 'approved';
  if (/^(?:必要的)?修改后同意$/.test(t)) return 'approved_with_modifications';
  return 'other';
}
