import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Change } from './change.entity';

@ObjectType({ simpleResolvers: true })
export class ChangeConnection extends Connection(Change, 'Change') {}
