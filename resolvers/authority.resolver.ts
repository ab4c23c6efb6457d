import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AuthorityRecord } from '../src/auth/authority-directory';
import { RequestContext } from '../src/context/request-context';
import { Authority } from '../schema/types/authority.type';

/** The shape an Authority resolves from (the directory's record). */
export type AuthoritySource = AuthorityRecord;

/** `authorities` and the Authority type's relations; authorities are public within the hub. */
@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => [Authority], { description: 'Every authority: LAs and RAAs' })
  async authorities(@Ctx() ctx: RequestContext): Promise<AuthoritySource[]> {
    return [...(await ctx.authorities.all()).values()];
  }

  @FieldResolver(() => String, { nullable: true })
  raa(@Root() a: AuthoritySource): string | null {
    return a.raaCode;
  }

  @FieldResolver(() => [Authority])
  async members(@Root() a: AuthoritySource, @Ctx() ctx: RequestContext): Promise<AuthoritySource[]> {
    return [...(await ctx.authorities.all()).values()].filter((m) => m.raaCode === a.code);
  }
}
