import { Children, type ComponentType, isValidElement, type LazyExoticComponent, lazy, type ReactNode } from 'react';

/** A React.lazy component that can also be told to start loading before it renders. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const once = () => {
    loading ??= load();
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
