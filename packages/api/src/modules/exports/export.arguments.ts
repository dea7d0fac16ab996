import { getVariableValues, GraphQLError, parse, type GraphQLSchema, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { validate } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { problem } from '@cp/shared';
import { badInput } from '../../common/domain-error';
import { normalizeArgumentValue } from '../../graphql/normalize-arguments';
import { CustomerFilter, CustomerOrder, CustomersArgs, DetailCondition } from '../customers/customer.inputs';
import { OrganizationsArgs } from '../organizations/organization.inputs';
import type { CustomerExportArgs, OrganizationExportArgs } from './export.service';

/** A URL's query string as Express reads it: text, or a list of texts for a repeated name. */
export type QueryParams = Record<string, unknown>;

/** The variables of an operation, as the `customers` and `organizations` queries declare their arguments. */
const variables = (declarations: string): readonly VariableDefinitionNode[] =>
  (parse(`query(${declarations}) { __typename }`).definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];

const CUSTOMER_VARIABLES = variables('$query: String, $filter: CustomerFilter, $orderBy: CustomerOrder');
const ORGANIZATION_VARIABLES = variables('$query: String');

/** A JSON argument as given (absent stays absent); text that is not JSON is ARGUMENT_NOT_JSON. */
function json(params: QueryParams, name: string): unknown {
  const text = params[name];
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    throw badInput(problem('ARGUMENT_NOT_JSON', { argument: name }), name);
  }
}

/**
 * Coerces the values as GraphQL coerces an operation's variables (the same
 * types, so the same refusals and messages: a GraphQLError with code
 * BAD_USER_INPUT), then NFC-normalizes their text as every GraphQL argument is.
 */
function coerce(schema: GraphQLSchema, declarations: readonly VariableDefinitionNode[], values: Record<string, unknown>): Record<string, any> {
  const result = getVariableValues(schema, declarations, values, { maxErrors: 1 });
  if (result.errors) throw new GraphQLError(result.errors[0].message, { extensions: { code: 'BAD_USER_INPUT' } });
  return normalizeArgumentValue(result.coerced) as Record<string, any>;
}

/** Runs the inputs' class-validator rules as type-graphql does before a resolver; a refusal is its ArgumentValidationError. */
async function validated<T extends object>(args: T): Promise<T> {
  const errors = await validate(args, { skipMissingProperties: true, forbidUnknownValues: false });
  if (errors.length) throw new ArgumentValidationError(errors);
  return args;
}

const instance = <T extends object>(Type: new () => T, value: object | null | undefined): T | null | undefined => (value == null ? value : Object.assign(new Type(), value));

/**
 * The customers export's arguments from a query string: `query` (text),
 * `filter` (JSON of CustomerFilter) and `orderBy` (JSON of CustomerOrder),
 * read exactly like the `customers` query's arguments. Throws the refusal
 * (ARGUMENT_NOT_JSON, a coercion GraphQLError, or ArgumentValidationError)
 * for `refusalResponse` to answer.
 */
export async function customerExportArgs(schema: GraphQLSchema, params: QueryParams): Promise<CustomerExportArgs> {
  const { query, filter, orderBy } = coerce(schema, CUSTOMER_VARIABLES, { query: params.query, filter: json(params, 'filter'), orderBy: json(params, 'orderBy') });
  const args = Object.assign(new CustomersArgs(), {
    query,
    filter: filter && Object.assign(instance(CustomerFilter, filter)!, { details: filter.details?.map((c: object) => instance(DetailCondition, c)) }),
    orderBy: instance(CustomerOrder, orderBy),
  });
  const { query: q, filter: f, orderBy: o } = await validated(args);
  return { query: q, filter: f, orderBy: o };
}

/** The organizations export's arguments (`query`), read like the `organizations` query's. */
export async function organizationExportArgs(schema: GraphQLSchema, params: QueryParams): Promise<OrganizationExportArgs> {
  const { query } = coerce(schema, ORGANIZATION_VARIABLES, { query: params.query });
  return { query: (await validated(Object.assign(new OrganizationsArgs(), { query }))).query };
}
