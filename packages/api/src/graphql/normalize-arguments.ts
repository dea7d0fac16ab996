import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { normalizeText } from '@cp/shared';

/** Every string in a coerced argument value in NFC: nested input objects, lists and JSON values alike. */
export function normalizeArgumentValue(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeArgumentValue);
  if (value !== null && typeof value === 'object') {
    // Only plain objects (input objects, JSON): a Date from the DateTime scalar has no text to normalize.
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeArgumentValue(item)]));
  }
  return value;
}

/**
 * The inbound choke point for text: every field that takes arguments gets
 * them NFC-normalized before its resolver runs, whether they came as
 * variables or as literals (escapes included), so names, emails, usernames,
 * detail values, filters and search input are stored and matched in one form
 * (see `normalizeText`). Fields without arguments are left alone: wrapping
 * every leaf would cost on every row of a list.
 */
export function normalizeArguments(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      if (!field.args || Object.keys(field.args).length === 0) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return { ...field, resolve: (source, args, context, info) => resolve(source, normalizeArgumentValue(args) as typeof args, context, info) };
    },
  });
}
