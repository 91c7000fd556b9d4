// A non-Python client: @grpc/grpc-js + @grpc/proto-loader calling oaktree's ListFlavors.
// usage: node list_flavors.js <descriptor-set.binpb> <host:port> <cloud>
// Prints the reply as JSON on stdout.
const fs = require("fs");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

const [descriptorSet, target, cloud] = process.argv.slice(2);
const definition = protoLoader.loadFileDescriptorSetFromBuffer(fs.readFileSync(descriptorSet), {
  keepCase: true, longs: String, enums: String, defaults: true,
});
const oaktree = grpc.loadPackageDefinition(definition).oaktree.v1;
const client = new oaktree.ComputeService(target, grpc.credentials.createInsecure());
client.ListFlavors({ location: { cloud } }, { deadline: Date.now() + 60000 }, (error, reply) => {
  if (error) {
    console.error(`${error.code} ${error.details}`);
    process.exit(1);
  }
  console.log(JSON.stringify(reply));
});
