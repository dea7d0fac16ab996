import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires.decorator';
import { pageSize, toConnection } from '../../common/connection';
import type { Context } from '../../graphql/context';
import { ImportErrorConnection, ImportJob } from './import-job.type';
import { ImportCustomersInput, ImportErrorsArgs } from './import.inputs';
import { idempotencyKey } from './import.service';

// The viewer is set wherever @Requires() let the call through.
const signedIn = (context: Context) => context.viewer!;

@Resolver(() => ImportJob)
export class ImportResolver {
  @Requires()
  @Query(() => ImportJob, { nullable: true, description: 'An import the viewer started (null for any other id).' })
  importJob(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ImportJob | null> {
    return context.services.imports.find(signedIn(context), id);
  }

  @Requires()
  @Mutation(() => ImportJob, { description: 'Imports customers from JSON rows as a job (an Idempotency-Key header makes a retry return the same job).' })
  importCustomers(@Arg('input') input: ImportCustomersInput, @Ctx() context: Context): Promise<ImportJob> {
    return context.services.imports.startRows(signedIn(context), input, idempotencyKey(context.req.headers['idempotency-key']));
  }

  @FieldResolver(() => ImportErrorConnection, { description: 'Row problems by line (header problems on line 1).' })
  async errors(@Root() job: ImportJob, @Args() { first, after }: ImportErrorsArgs, @Ctx() context: Context): Promise<ImportErrorConnection> {
    const page = await context.services.imports.errors(signedIn(context), job.id, pageSize(first, 100), after);
    return toConnection(ImportErrorConnection, page);
  }
}
