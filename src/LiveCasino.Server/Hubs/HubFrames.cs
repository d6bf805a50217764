using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// Server-to-client events serialized once into a complete JSON hub protocol frame
/// (<c>{"type":1,"target":…,"arguments":[…]}</c> + 0x1E). The same bytes go to every connection
/// that gets the event: SignalR writes a <see cref="SerializedHubMessage"/> that already holds the
/// "json" protocol's form without serializing again.
/// </summary>
public static class HubFrames
{
    /// <summary>The name of SignalR's JSON hub protocol (the only one the hubs enable).</summary>
    public const string JsonProtocol = "json";

    private const byte RecordSeparator = 0x1e;

    public static SerializedHubMessage Event<T>(string target, T payload, JsonTypeInfo<T> typeInfo)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", 1);
            writer.WriteString("target", target);
            writer.WriteStartArray("arguments");
            JsonSerializer.Serialize(writer, payload, typeInfo);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write([RecordSeparator]);
        return new SerializedHubMessage([new SerializedMessage(JsonProtocol, buffer.WrittenMemory)]);
    }
}
