/**
 * The user dismissed a prompt or declined a confirmation. Thrown by every `UserInput` prompt so a
 * command never has to check for "no answer": the command wrapper treats it as a cancellation and
 * shows nothing.
 */
export class UserCancelledError extends Error {
  override readonly name = 'UserCancelledError';
  constructor(what = 'cancelled by the user') {
    super(what);
  }
}
