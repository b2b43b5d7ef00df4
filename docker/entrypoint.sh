#!/bin/sh
# Starts Rounds on Payara Micro: an instance alone, or, when ROUNDS_CLUSTER_MEMBERS lists the members' grid addresses
# (host:port,host:port; the port is ROUNDS_CLUSTER_PORT, 5900), a member of the cluster ROUNDS_CLUSTER_NAME on Payara's
# data grid. The grid port carries the cluster's traffic unencrypted: keep it on a network only the members reach.
set -eu
if [ -n "${ROUNDS_CLUSTER_MEMBERS:-}" ]; then
  set -- --clustername "${ROUNDS_CLUSTER_NAME:-rounds}" --clustermode "tcpip:${ROUNDS_CLUSTER_MEMBERS}" \
    --startport "${ROUNDS_CLUSTER_PORT:-5900}"
  if [ -n "${ROUNDS_CLUSTER_PUBLIC_ADDRESS:-}" ]; then
    # where the other members reach this one, when that is not an address of its own (NAT, another host's port)
    set -- "$@" --hzpublicaddress "${ROUNDS_CLUSTER_PUBLIC_ADDRESS}"
  fi
else
  set -- --nocluster
fi
exec java @jvm.options -jar payara-micro.jar "$@" --prebootcommandfile preboot.asadmin --port 8080 --contextroot / \
  --deploy rounds.war
