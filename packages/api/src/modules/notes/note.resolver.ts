import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Note } from './note.entity';
import { NoteConnection } from './note.connection';
import { AddNoteInput, NotesArgs, UpdateNoteArgs } from './note.inputs';
import type { RecordOwner } from '../../common/owner-pages';
import { Agent } from '../agents/agent.entity';
import { Customer } from '../customers/customer.entity';
import { Organization } from '../organizations/organization.entity';
import { Requires } from '../../auth/requires.decorator';
import { pageSize, toConnection } from '../../common/connection';
import type { Context } from '../../graphql/context';

// The viewer is set wherever @Requires() let the call through.
const signedIn = (context: Context) => context.viewer!;

async function notesOf(owner: RecordOwner, ownerId: string, { first, after }: NotesArgs, { loaders }: Context): Promise<NoteConnection> {
  const page = await loaders.notePages.load({ owner, ownerId, first: pageSize(first, 20), after });
  return toConnection(NoteConnection, page);
}

@Resolver(() => Note)
export class NoteResolver {
  @Requires()
  @Mutation(() => Note)
  addNote(@Arg('input') input: AddNoteInput, @Ctx() context: Context): Promise<Note> {
    return context.services.notes.add(signedIn(context), input);
  }

  @Requires()
  @Mutation(() => Note, { description: 'Authors change their own notes, admins any.' })
  updateNote(@Args() { id, body, expectedVersion }: UpdateNoteArgs, @Ctx() context: Context): Promise<Note> {
    return context.services.notes.update(signedIn(context), id, body, expectedVersion);
  }

  @Requires()
  @Mutation(() => Boolean, { description: 'Authors delete their own notes, admins any.' })
  deleteNote(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<boolean> {
    return context.services.notes.delete(signedIn(context), id);
  }

  @FieldResolver(() => Agent, { description: "The agent who wrote it (through a token: the token's creator)." })
  async author(@Root() note: Note, @Ctx() { loaders }: Context): Promise<Agent> {
    return (await loaders.agentById.load(note.authorId))!;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit and delete it: its author, or an admin.' })
  viewerCanEdit(@Root() note: Note, @Ctx() context: Context): boolean {
    return context.services.notes.mayChange(signedIn(context), note.authorId);
  }
}

@Resolver(() => Customer)
export class CustomerNotesResolver {
  @Requires()
  @FieldResolver(() => NoteConnection, { description: 'Internal notes, newest first.' })
  notes(@Root() customer: Customer, @Args() args: NotesArgs, @Ctx() context: Context): Promise<NoteConnection> {
    return notesOf('customer', customer.id, args, context);
  }
}

@Resolver(() => Organization)
export class OrganizationNotesResolver {
  @Requires()
  @FieldResolver(() => NoteConnection, { description: 'Internal notes on the organization itself, newest first.' })
  notes(@Root() organization: Organization, @Args() args: NotesArgs, @Ctx() context: Context): Promise<NoteConnection> {
    return notesOf('organization', organization.id, args, context);
  }
}
