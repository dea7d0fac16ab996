import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { ViewerQuery } from '../features/auth/session';
import { hasErrorCode } from './errors';

/**
 * A session can end while the app is open (expired, or signed out elsewhere).
 * When any other operation says so, re-ask for the viewer: that answer drives
 * the session guard, which sends the person to sign-in and back afterwards.
 */
const sessionExpiry = new ErrorLink(({ error, operation }) => {
  if (operation.operationName === 'Viewer' || operation.operationName === 'SignIn') return;
  if (hasErrorCode(error, 'UNAUTHENTICATED')) {
    void operation.client.refetchQueries({ include: [ViewerQuery] });
  }
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      sessionExpiry,
      // Same origin as the page: the HttpOnly session cookie rides along, and
      // JSON POSTs satisfy Apollo Server's CSRF prevention without extra headers.
      new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    ]),
    cache: new InMemoryCache({
      // Union members the cache cannot learn from the schema (codegen reads it, the client does not):
      // without them, fragments on setDetailValues' answer would be dropped.
      possibleTypes: { DetailOwner: ['Customer', 'Organization'] },
    }),
    // Components see only the fields their own fragments ask for.
    dataMasking: true,
  });
}
