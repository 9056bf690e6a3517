import { Children, type ComponentType, isValidElement, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { loadPageMessages } from './i18n/index.ts';
import type { PageNamespace } from './i18n/pages.zh-CN.ts';

/** A React.lazy component that can also be told to start loading before it renders. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/**
 * `namespaces`: the page catalogues the page reads (its own and those of the components it shows), fetched beside its
 * code; by default all of them. Pages in a first load name theirs, so that it carries no other page's strings.
 */
export function lazyPage(
  load: () => Promise<{ default: ComponentType }>,
  namespaces?: readonly PageNamespace[],
): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const once = () => {
    loading ??= Promise.all([load(), loadPageMessages(namespaces)]).then(([page]) => page);
    return loading;
  };
  return Object.assign(lazy(once), { preload: once });
}

/**
 * Starts loading every lazy component named in an element tree (a page, or a page inside a Guard): the route the
 * browser opened on is fetched while the session is still being checked, not after (App.tsx).
 */
export function preloadElement(node: ReactNode): void {
  if (!isValidElement(node)) return;
  (node.type as { preload?: () => unknown }).preload?.();
  Children.forEach((node.props as { children?: ReactNode }).children, preloadElement);
}
