using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Iop.Bench;

/// <summary>
/// A TCP proxy in front of Azurite's three services that counts the HTTP requests an app under test sends, whatever
/// client or library sends them (the app's SDK clients, Durable Task's storage provider). Bytes pass unchanged; the
/// client-to-server stream is parsed only far enough to find where each request starts (head, then a
/// <c>Content-Length</c> or chunked body). Requests are counted per service and per kind (method and resource).
/// </summary>
internal sealed partial class CountingProxy : IAsyncDisposable
{
    private readonly List<Listener> _listeners = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _kinds = new(StringComparer.Ordinal);

    private CountingProxy()
    {
    }

    public int BlobPort => _listeners[0].Port;

    public int QueuePort => _listeners[1].Port;

    public int TablePort => _listeners[2].Port;

    public string ConnectionString => Functions.Storage.Azurite.AzuriteProcess.ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static CountingProxy Start(int blobPort, int queuePort, int tablePort)
    {
        var proxy = new CountingProxy();
        foreach (var (service, target) in new[] { ("blob", blobPort), ("queue", queuePort), ("table", tablePort) })
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(backlog: 512);
            var entry = new Listener(service, listener, target);
            proxy._listeners.Add(entry);
            _ = Task.Run(() => proxy.AcceptAsync(entry));
        }

        return proxy;
    }

    /// <summary>The requests counted so far, per kind (<c>service METHOD resource</c>).</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_kinds, StringComparer.Ordinal);

    private async Task AcceptAsync(Listener entry)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await entry.Socket.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(entry, client));
        }
    }

    private async Task ForwardAsync(Listener entry, TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                server.NoDelay = true;
                await server.ConnectAsync(IPAddress.Loopback, entry.Target, _stop.Token);
                var fromClient = client.GetStream();
                var toServer = server.GetStream();
                var parser = new RequestParser(line => Count(entry.Service, line));
                var upstream = PumpAsync(fromClient, toServer, parser);
                var downstream = PumpAsync(toServer, fromClient, null);
                await Task.WhenAny(upstream, downstream);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A connection closed by either side: nothing to count.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, RequestParser? parser)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                parser?.Feed(buffer.AsSpan(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away.
        }
        finally
        {
            to.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    private void Count(string service, string requestLine) =>
        _kinds.AddOrUpdate($"{service} {Kind(service, requestLine)}", 1, (_, n) => n + 1);

    /// <summary>
    /// <c>GET /devstoreaccount1/iopHistory(PartitionKey='…')?…</c> → <c>GET iopHistory</c>; queue messages keep their
    /// <c>/messages</c>, blobs only their container.
    /// </summary>
    private static string Kind(string service, string requestLine)
    {
        var parts = requestLine.Split(' ');
        if (parts.Length < 2)
        {
            return "?";
        }

        var path = parts[1].Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "(account)";
        resource = Uri.UnescapeDataString(resource);
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            resource = resource[..paren] + (resource.Length > paren + 2 ? "(key)" : "()");
        }

        if (service == "queue" && segments.Length > 2)
        {
            resource += "/" + segments[2];
        }

        if (service == "queue" || service == "blob")
        {
            resource = Partition().Replace(resource, "-NN");
        }

        var query = parts[1].Contains('?', StringComparison.Ordinal) && parts[1].Contains("comp=", StringComparison.Ordinal)
            ? " ?comp=" + CompValue().Match(parts[1]).Groups[1].Value
            : "";
        return $"{parts[0]} {resource}{query}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var l in _listeners)
        {
            l.Socket.Stop();
        }

        _stop.Dispose();
    }

    [GeneratedRegex("-[0-9]{2}$")]
    private static partial Regex Partition();

    [GeneratedRegex("comp=([a-z]+)")]
    private static partial Regex CompValue();

    private sealed record Listener(string Service, TcpListener Socket, int Target)
    {
        public int Port => ((IPEndPoint)Socket.LocalEndpoint).Port;
    }

    /// <summary>Finds the request heads in an HTTP/1.1 client stream (no pipelining is assumed or needed).</summary>
    private sealed class RequestParser(Action<string> onRequest)
    {
        private readonly List<byte> _line = [];
        private State _state = State.Head;
        private long _remaining;
        private string? _requestLine;
        private long _contentLength;
        private bool _chunked;

        private enum State
        {
            Head,
            Body,
            ChunkSize,
            ChunkData,
            Trailer,
        }

        public void Feed(ReadOnlySpan<byte> data)
        {
            var i = 0;
            while (i < data.Length)
            {
                if (_state is State.Body or State.ChunkData)
                {
                    var take = (int)Math.Min(_remaining, data.Length - i);
                    i += take;
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = _state == State.Body ? State.Head : State.ChunkSize;
                    }

                    continue;
                }

                var b = data[i++];
                if (b != (byte)'\n')
                {
                    if (b != (byte)'\r')
                    {
                        _line.Add(b);
                    }

                    continue;
                }

                var line = Encoding.ASCII.GetString([.. _line]);
                _line.Clear();
                OnLine(line);
            }
        }

        private void OnLine(string line)
        {
            switch (_state)
            {
                case State.Head when _requestLine is null:
                    if (line.Length > 0)
                    {
                        _requestLine = line;
                        _contentLength = 0;
                        _chunked = false;
                    }

                    break;
                case State.Head when line.Length > 0:
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        var name = line[..colon].Trim();
                        var value = line[(colon + 1)..].Trim();
                        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                        {
                            _contentLength = long.Parse(value, CultureInfo.InvariantCulture);
                        }
                        else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                        {
                            _chunked = true;
                        }
                    }

                    break;
                case State.Head:
                    onRequest(_requestLine!);
                    _requestLine = null;
                    if (_chunked)
                    {
                        _state = State.ChunkSize;
                    }
                    else if (_contentLength > 0)
                    {
                        _state = State.Body;
                        _remaining = _contentLength;
                    }

                    break;
                case State.ChunkSize:
                    if (line.Length == 0)
                    {
                        break; // the CRLF after a chunk's data
                    }

                    var size = long.Parse(line.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        _state = State.Trailer;
                    }
                    else
                    {
                        _state = State.ChunkData;
                        _remaining = size;
                    }

                    break;
                case State.Trailer:
                    if (line.Length == 0)
                    {
                        _state = State.Head;
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
