/**
 * The page catalogues: each namespace is its own chunk, fetched with the code of the pages that use it, so the first
 * load carries only the core (zh-CN.ts). A new page catalogue is registered here, in all.zh-CN.ts and in en.ts.
 */
export const ZH_PAGE_CATALOGUES = {
  bases: () => import('./bases.zh-CN.ts').then((m) => m.basesZh),
  calendar: () => import('./calendar.zh-CN.ts').then((m) => m.calendarZh),
  commission: () => import('./commission.zh-CN.ts').then((m) => m.commissionZh),
  delays: () => import('./delays.zh-CN.ts').then((m) => m.delaysZh),
  documents: () => import('./documents.zh-CN.ts').then((m) => m.documentsZh),
  ethics: () => import('./ethics.zh-CN.ts').then((m) => m.ethicsZh),
  hospital: () => import('./hospital.zh-CN.ts').then((m) => m.hospitalZh),
  integrations: () => import('./integrations.zh-CN.ts').then((m) => m.integrationsZh),
  meetings: () => import('./meetings.zh-CN.ts').then((m) => m.meetingsZh),
  projects: () => import('./projects.zh-CN.ts').then((m) => m.projectsZh),
  providers: () => import('./providers.zh-CN.ts').then((m) => m.providersZh),
  recognition: () => import('./recognition.zh-CN.ts').then((m) => m.recognitionZh),
  registry: () => import('./registry.zh-CN.ts').then((m) => m.registryZh),
  search: () => import('./search.zh-CN.ts').then((m) => m.searchZh),
  trials: () => import('./trials.zh-CN.ts').then((m) => m.trialsZh),
};

export type PageNamespace = keyof typeof ZH_PAGE_CATALOGUES;
export const PAGE_NAMESPACES = Object.keys(ZH_PAGE_CATALOGUES) as PageNamespace[];
export type ZhPageCatalogues = { [K in PageNamespace]: Awaited<ReturnType<(typeof ZH_PAGE_CATALOGUES)[K]>> };
