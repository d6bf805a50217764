using LiveCasino.Actors.Core;
using LiveCasino.Actors.Diagnostics;

namespace LiveCasino.Actors.Ask;

/// <summary>A one-shot reply target: the first reply completes the task; later ones are dead letters.</summary>
internal sealed class PromiseSink<TReply> : IMessageSink<TReply>
    where TReply : notnull
{
    private readonly TaskCompletionSource<TReply> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private readonly string _path;

    public PromiseSink(ActorSystem system, string path)
    {
        _system = system;
        _path = path;
    }

    public Task<TReply> Task => _promise.Task;

    public bool Post(TReply message)
    {
        if (_promise.TrySetResult(message))
        {
            return true;
        }

        _system.DeadLetters.Publish(_path, message, DeadLetterReason.AskExpired);
        return false;
    }

    public void Fail(Exception error) => _promise.TrySetException(error);

    public void Cancel(CancellationToken token) => _promise.TrySetCanceled(token);
}
