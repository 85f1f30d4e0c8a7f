import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import Long from "long";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/**
 * Writes a small but real transformers.js model folder: a WordPiece tokenizer over `words`
 * and an ONNX graph (Gather of a hashed embedding table, masked by attention_mask) exposing
 * `last_hidden_state`, as a BERT export does. Lets the transformers.js loading path run
 * offline in tests, since no hub model can be downloaded here.
 */
export async function writeTinyModel(dir: string, words: string[], dimension = 32): Promise<void> {
  const specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"];
  const vocabList = [...specials, ...new Set(words.map((w) => w.toLowerCase()))];
  const vocab = Object.fromEntries(vocabList.map((w, i) => [w, i]));

  const table = new Float32Array(vocabList.length * dimension);
  vocabList.forEach((word, row) => {
    const digest = createHash("sha256").update(word).digest();
    for (let d = 0; d < dimension; d++) table[row * dimension + d] = (digest[d % digest.length]! - 127.5) / 127.5;
  });

  const dim = (name: string) => onnx.TensorShapeProto.Dimension.create({ dimParam: name });
  const tensorType = (elemType: number, dims: ReturnType<typeof dim>[]) =>
    onnx.TypeProto.create({ tensorType: { elemType, shape: { dim: dims } } });
  const graph = onnx.GraphProto.create({
    name: "tiny-static-embeddings",
    input: [
      onnx.ValueInfoProto.create({ name: "input_ids", type: tensorType(onnx.TensorProto.DataType.INT64, [dim("batch"), dim("sequence")]) }),
      onnx.ValueInfoProto.create({ name: "attention_mask", type: tensorType(onnx.TensorProto.DataType.INT64, [dim("batch"), dim("sequence")]) }),
    ],
    output: [
      onnx.ValueInfoProto.create({
        name: "last_hidden_state",
        type: tensorType(onnx.TensorProto.DataType.FLOAT, [dim("batch"), dim("sequence"), onnx.TensorShapeProto.Dimension.create({ dimValue: Long.fromNumber(dimension) })]),
      }),
    ],
    initializer: [
      onnx.TensorProto.create({
        name: "embeddings",
        dataType: onnx.TensorProto.DataType.FLOAT,
        dims: [Long.fromNumber(vocabList.length), Long.fromNumber(dimension)],
        rawData: new Uint8Array(table.buffer),
      }),
    ],
    node: [
      onnx.NodeProto.create({ opType: "Gather", input: ["embeddings", "input_ids"], output: ["gathered"], attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: Long.fromNumber(0) }] }),
      onnx.NodeProto.create({ opType: "Cast", input: ["attention_mask"], output: ["mask_float"], attribute: [{ name: "to", type: onnx.AttributeProto.AttributeType.INT, i: Long.fromNumber(onnx.TensorProto.DataType.FLOAT) }] }),
      onnx.NodeProto.create({ opType: "Unsqueeze", input: ["mask_float"], output: ["mask_3d"], attribute: [{ name: "axes", type: onnx.AttributeProto.AttributeType.INTS, ints: [Long.fromNumber(2)] }] }),
      onnx.NodeProto.create({ opType: "Mul", input: ["gathered", "mask_3d"], output: ["last_hidden_state"] }),
    ],
  });
  const model = onnx.ModelProto.create({ irVersion: Long.fromNumber(7), opsetImport: [{ domain: "", version: Long.fromNumber(12) }], producerName: "briefbot-tests", graph });

  const special = (id: string) => ({ id, ids: [vocab[id]], tokens: [id] });
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: specials.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": special("[CLS]"), "[SEP]": special("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
  };

  await mkdir(join(dir, "onnx"), { recursive: true });
  await writeFile(join(dir, "onnx", "model.onnx"), onnx.ModelProto.encode(model).finish());
  await writeFile(join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
  await writeFile(
    join(dir, "tokenizer_config.json"),
    JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: 512, cls_token: "[CLS]", sep_token: "[SEP]", pad_token: "[PAD]", unk_token: "[UNK]" }),
  );
  await writeFile(join(dir, "config.json"), JSON.stringify({ model_type: "bert", hidden_size: dimension }));
}
