/**
 * Microsoft Graph Command Line Tools: the public client app Graph PowerShell signs in with. Many
 * tenants have consented to it, so a user can sign in with it (device code, VS Code's Microsoft
 * account) without registering an app.
 */
export const GRAPH_COMMAND_LINE_TOOLS_APP_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
