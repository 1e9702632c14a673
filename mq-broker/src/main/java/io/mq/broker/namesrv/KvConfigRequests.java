package io.mq.broker.namesrv;

import io.mq.protocol.header.DeleteKVConfigRequestHeader;
import io.mq.protocol.header.GetKVConfigRequestHeader;
import io.mq.protocol.header.GetKVConfigResponseHeader;
import io.mq.protocol.header.GetKVListByNamespaceRequestHeader;
import io.mq.protocol.header.PutKVConfigRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;

/** PUT/GET/DELETE_KV_CONFIG and GET_KVLIST_BY_NAMESPACE over the {@link KvConfigStore}. */
final class KvConfigRequests {

    private final KvConfigStore store;

    KvConfigRequests(KvConfigStore store) {
        this.store = store;
    }

    RemotingCommand put(RemoteChannel channel, RemotingCommand request) {
        var header = PutKVConfigRequestHeader.from(request);
        store.put(header.namespace(), header.key(), header.value());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    RemotingCommand get(RemoteChannel channel, RemotingCommand request) {
        var header = GetKVConfigRequestHeader.from(request);
        return store.get(header.namespace(), header.key())
                .map(value -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                        .putHeader(new GetKVConfigResponseHeader(value)))
                .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                        "No config item, Namespace: " + header.namespace() + " Key: " + header.key()));
    }

    RemotingCommand delete(RemoteChannel channel, RemotingCommand request) {
        var header = DeleteKVConfigRequestHeader.from(request);
        store.delete(header.namespace(), header.key());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    RemotingCommand list(RemoteChannel channel, RemotingCommand request) {
        var header = GetKVListByNamespaceRequestHeader.from(request);
        return store.namespace(header.namespace())
                .map(table -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(table.encode()))
                .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                        "No config item, Namespace: " + header.namespace()));
    }
}
