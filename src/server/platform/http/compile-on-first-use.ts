/**
 * Each route's validators and response serializers are compiled when the route is first used instead of all at
 * start: compiling the schemas of some 240 routes (Ajv, fast-json-stringify) was most of a warm start, and a
 * worker replaced in a rolling restart should listen quickly. The first request to a route pays a few
 * milliseconds once; the fuzz suite (tests/security) reaches every route, so a broken schema still fails tests.
 */
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaValidationError, FastifyServerOptions } from 'fastify';

export interface Validator {
  (data: unknown): boolean;
  errors?: FastifySchemaValidationError[] | null;
}

/** `compile()` run on the first call; Fastify reads a failed validation's `errors` from the function itself. */
export function compileOnFirstUse(compile: () => Validator): Validator {
  let compiled: Validator | undefined;
  const validate: Validator = (data) => {
    compiled ??= compile();
    const result = compiled(data);
    validate.errors = compiled.errors;
    return result;
  };
  return validate;
}

const buildSerializer = SerializerSelector();

/** Fastify's own response serializers (fast-json-stringify), each compiled on first use. */
export const serializersOnFirstUse: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildSerializer: (externalSchemas, options) => {
      const compiler = buildSerializer(externalSchemas, options as never);
      return (route) => {
        let serialize: ((data: unknown) => string) | undefined;
        return (data) => (serialize ??= compiler(route as never))(data);
      };
    },
  },
};
