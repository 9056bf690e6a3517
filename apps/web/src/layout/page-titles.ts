import { matchPath } from 'react-router';
import type { layoutZh } from '../i18n/layout.zh-CN.ts';

export type PageTitleKey = keyof typeof layoutZh.pageTitles;

/**
 * Each page's document title, by the path the router serves it at. Kept beside the frame rather than in the route
 * table so that lazy route splitting can move routes around freely; the most specific pattern comes first.
 */
const PAGE_TITLES: [pattern: string, key: PageTitleKey][] = [
  ['/login', 'login'],
  ['/', 'home'],
  ['/search', 'search'],
  ['/compare', 'compare'],
  ['/shortlists', 'shortlists'],
  ['/shortlists/:id', 'shortlist'],
  ['/trials', 'trials'],
  ['/trials/new', 'newTrial'],
  ['/trials/:id/recognition', 'trialRecognition'],
  ['/trials/:id', 'trial'],
  ['/inquiries', 'inquiries'],
  ['/trial-sites', 'siteBoard'],
  ['/ethics', 'ethics'],
  ['/ethics/submissions/:id', 'submission'],
  ['/ethics/meetings', 'meetings'],
  ['/ethics/meetings/:id', 'meeting'],
  ['/ethics/committee', 'committee'],
  ['/recognition', 'recognition'],
  ['/recognition/agreements', 'agreements'],
  ['/recognition/requests/:id', 'recognitionRequest'],
  ['/recognition/local-context', 'localContext'],
  ['/commission', 'commission'],
  ['/commission/drill', 'drill'],
  ['/commission/records', 'records'],
  ['/commission/incentive', 'incentive'],
  ['/commission/key-projects', 'keyProjects'],
  ['/commission/report', 'report'],
  ['/directory', 'directory'],
  ['/directory/:id', 'organisation'],
  ['/hospitals/:id', 'hospital'],
  ['/audit', 'audit'],
  ['/users', 'users'],
  ['/calendar', 'calendar'],
  ['/registry/queue', 'registryQueue'],
  ['/registry/imports', 'registryImports'],
  ['/integrations', 'integrations'],
  ['/bases', 'bases'],
  ['/bases/:id', 'base'],
  ['/projects', 'projects'],
  ['/projects/:id', 'project'],
  ['/providers/:id', 'provider'],
  ['/profile', 'profile'],
];

/** The title key of a path; a path no page serves gets the 404 page's title. */
export function pageTitleKey(pathname: string): PageTitleKey {
  return PAGE_TITLES.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? 'notFound';
}

/** "找中心 · CTP": the page first, so a tab or a screen reader's window list tells pages apart. */
export function documentTitle(page: string, suffix: string): string {
  return `${page} · ${suffix}`;
}
