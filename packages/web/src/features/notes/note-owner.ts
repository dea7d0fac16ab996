import type { ApolloCache } from '@apollo/client';

/** The customer or organization whose notes are shown. */
export interface NoteOwner {
  typename: 'Customer' | 'Organization';
  id: string;
}

/** After a note is added or deleted, the owner's cached note pages are dropped; the list on screen fetches again. */
export function forgetOwnerNotes(cache: ApolloCache, owner: NoteOwner): void {
  cache.evict({ id: cache.identify({ __typename: owner.typename, id: owner.id }), fieldName: 'notes' });
  cache.gc();
}
