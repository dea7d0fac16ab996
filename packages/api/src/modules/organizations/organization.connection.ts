import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Organization } from './organization.entity';

@ObjectType({ simpleResolvers: true })
export class OrganizationConnection extends Connection(Organization, 'Organization') {}
