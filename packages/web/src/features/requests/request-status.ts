import type { RequestStatus } from '../../gql/graphql';

/** Workflow order, as the API lists countsByStatus; the filter shows them in this order. */
export const REQUEST_STATUSES: readonly RequestStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'RESOLVED', 'CLOSED'];

/** Badge colours: open work stands out, finished work recedes. */
export const STATUS_COLORS: Record<RequestStatus, string> = {
  OPEN: 'blue',
  IN_PROGRESS: 'orange',
  WAITING_FOR_CUSTOMER: 'grape',
  RESOLVED: 'green',
  CLOSED: 'gray',
};

/** The `?status=` value of a link, if it is a status; anything else means all. */
export function parseRequestStatus(param: string): RequestStatus | null {
  return (REQUEST_STATUSES as readonly string[]).includes(param) ? (param as RequestStatus) : null;
}
