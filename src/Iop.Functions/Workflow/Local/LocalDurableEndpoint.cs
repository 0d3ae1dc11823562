using System.Net;
using System.Net.Sockets;

namespace Iop.Functions.Workflow.Local;

/// <summary>Where the local durable backend listens: the configured port, or a free one taken when the app is wired.</summary>
internal sealed class LocalDurableEndpoint(int port)
{
    public int Port { get; } = port == 0 ? FreePort() : port;

    public Uri Address => new($"http://127.0.0.1:{Port}");

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
