namespace Iop.Functions.Security;

/// <summary>How staff sign in (<c>Authentication:Mode</c>).</summary>
internal enum AuthenticationMode
{
    /// <summary>Microsoft Entra ID single sign-on: the only mode allowed outside Development.</summary>
    EntraId,

    /// <summary>A clearly marked sign-in form for local development, where anyone may claim any name.</summary>
    Development,
}
