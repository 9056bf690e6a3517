import { basesZh } from './bases.zh-CN.ts';
import { calendarZh } from './calendar.zh-CN.ts';
import { commissionZh } from './commission.zh-CN.ts';
import { delaysZh } from './delays.zh-CN.ts';
import { documentsZh } from './documents.zh-CN.ts';
import { ethicsZh } from './ethics.zh-CN.ts';
import { hospitalZh } from './hospital.zh-CN.ts';
import { integrationsZh } from './integrations.zh-CN.ts';
import { meetingsZh } from './meetings.zh-CN.ts';
import { projectsZh } from './projects.zh-CN.ts';
import { providersZh } from './providers.zh-CN.ts';
import { recognitionZh } from './recognition.zh-CN.ts';
import { registryZh } from './registry.zh-CN.ts';
import { searchZh } from './search.zh-CN.ts';
import { trialsZh } from './trials.zh-CN.ts';
import { zhCore } from './zh-CN.ts';

/** The whole Chinese catalogue at once, for tests and type checks; the app loads it in parts (pages.zh-CN.ts). */
export const zhCN = {
  ...zhCore,
  bases: basesZh,
  calendar: calendarZh,
  commission: commissionZh,
  delays: delaysZh,
  documents: documentsZh,
  ethics: ethicsZh,
  hospital: hospitalZh,
  integrations: integrationsZh,
  meetings: meetingsZh,
  projects: projectsZh,
  providers: providersZh,
  recognition: recognitionZh,
  registry: registryZh,
  search: searchZh,
  trials: trialsZh,
};
