import { Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { Me } from '../schema/types/viewer.type';

/** `me`: who the hub thinks is asking. */
@Resolver()
export class MeResolver {
  @Query(() => Me, { description: 'The viewer: sub, org and roles from the verified token' })
  me(@Ctx() ctx: RequestContext): Me {
    const { sub, name, org, roles } = ctx.viewer;
    return { sub, name, org, roles };
  }
}
