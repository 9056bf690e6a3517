import { useEffect, useRef } from 'react';
import { useEntityModal } from '../../components/EntityModal.tsx';
import { NewShortlistModal, type NewShortlistValues } from './shortlist-ui.tsx';

/**
 * The new-shortlist modal, open from the moment it mounts; `onClosed` when it closes. The search page's
 * "add to shortlist" loads it only when a user asks for a new list, so antd's Form (and its validator) stay out of
 * the search page's first load (issue 16).
 */
export default function NewShortlistDialog({
  addTo,
  added,
  onClosed,
}: {
  addTo: (shortlistId: string) => Promise<unknown>;
  added: (name: string) => string;
  onClosed: () => void;
}) {
  const modal = useEntityModal<NewShortlistValues>();
  const wasOpen = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once, on mount
  useEffect(() => modal.open(), []);
  useEffect(() => {
    if (modal.isOpen) wasOpen.current = true;
    else if (wasOpen.current) onClosed();
  }, [modal.isOpen, onClosed]);
  return <NewShortlistModal modal={modal} addTo={addTo} added={added} />;
}
