import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Note } from './note.entity';

@ObjectType({ simpleResolvers: true })
export class NoteConnection extends Connection(Note, 'Note') {}
