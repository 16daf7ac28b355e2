using Microsoft.AspNetCore.Identity;

namespace Avnera.Data.Master;

/// <summary>
/// Credentials of the embedded sign-in provider (ASP.NET Core Identity), used when no Supabase project is
/// configured. Same id as the person's <see cref="User"/> row; in Supabase mode the credentials live in
/// Supabase's auth.users instead and this table stays empty.
/// </summary>
public class AuthUser : IdentityUser<Guid>;
