import { problem } from '@cp/shared';
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './domain-error';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** A count that may stop at a cap: counting every match of a common search costs more than the page. */
export interface CountResult {
  count: number;
  exact: boolean;
}

/** What a service returns for one page of a keyset-paginated list. */
export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  /** Evaluated only if the client asks for totalCount. */
  count: () => Promise<CountResult>;
}

export const MAX_PAGE_SIZE = 200;

// totalCount and totalCountIsExact in one response share one count query.
const counts = new WeakMap<Page<unknown>, Promise<CountResult>>();
function countOnce(page: Page<unknown>): Promise<CountResult> {
  let counted = counts.get(page);
  if (!counted) {
    counted = page.count();
    counts.set(page, counted);
  }
  return counted;
}

export function pageSize(first: number | undefined | null, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) throw badInput(problem('PAGE_SIZE', { max: MAX_PAGE_SIZE }), 'first');
  return size;
}

/** Relay connection type for a node type, with totalCount and whether it is exact. */
export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor: string;

    @Field(() => Node)
    node: T;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    page: Page<T>;

    @Field(() => Int, { description: 'Number of matches; may stop at a cap for text searches (see totalCountIsExact).' })
    async totalCount(): Promise<number> {
      return (await countOnce(this.page)).count;
    }

    @Field(() => Boolean, { description: 'False when totalCount stopped at its cap: show it as "1,000+".' })
    async totalCountIsExact(): Promise<boolean> {
      return (await countOnce(this.page)).exact;
    }
  }
  return ConnectionType;
}

export function toConnection<C extends { edges: unknown; pageInfo: PageInfo; page: Page<N> }, N>(Type: new () => C, page: Page<N>): C {
  return Object.assign(new Type(), {
    page,
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i], node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
  });
}
