//! Codes of the `verify` family: commitments, ceremony, log, result and receipts.

error_codes! {
    /// A published document does not verify, or a ceremony step is invalid.
    pub enum VerifyCode {
        /// A revealed secret does not match its party's commitment.
        RevealMismatch = "reveal_mismatch" {
            zh: "公布的密钥与该方的承诺不符",
            en: "A revealed secret does not match its party's commitment",
        },
        /// A committed party did not reveal.
        RevealMissing = "reveal_missing" {
            zh: "作出承诺的一方未公布密钥",
            en: "A committed party did not reveal",
        },
        /// A reveal comes from a party that made no commitment.
        PartyUnknown = "party_unknown" {
            zh: "公布密钥的一方没有作出承诺",
            en: "A reveal comes from a party that made no commitment",
        },
        /// The same party appears twice.
        PartyDuplicate = "party_duplicate" {
            zh: "同一参与方出现两次",
            en: "The same party appears twice",
        },
        /// A beacon value is not in its canonical text form.
        BeaconInvalid = "beacon_invalid" {
            zh: "公共随机源的值不是规范文本形式",
            en: "A beacon value is not in its canonical text form",
        },
        /// A beacon named in the plan has no value.
        BeaconMissing = "beacon_missing" {
            zh: "计划中指定的公共随机源没有取值",
            en: "A beacon named in the plan has no value",
        },
        /// The plan hash does not match the plan.
        PlanHashMismatch = "plan_hash_mismatch" {
            zh: "计划哈希与计划内容不符",
            en: "The plan hash does not match the plan",
        },
        /// A recomputed value differs from the published one.
        ResultMismatch = "result_mismatch" {
            zh: "重新计算的值与公布的不一致",
            en: "A recomputed value differs from the published one",
        },
        /// The draw log's hash chain is broken.
        LogChainBroken = "log_chain_broken" {
            zh: "抽取日志的哈希链断裂",
            en: "The draw log's hash chain is broken",
        },
        /// A log event is out of order or missing a required predecessor.
        LogOrder = "log_order" {
            zh: "日志事件顺序错误或缺少前置事件",
            en: "A log event is out of order or missing a required predecessor",
        },
        /// A re-draw lacks a reason or reuses randomness.
        RedrawInvalid = "redraw_invalid" {
            zh: "重新抽取缺少原因或重复使用了随机数",
            en: "A re-draw lacks a reason or reuses randomness",
        },
        /// A Merkle inclusion proof does not lead to the published root.
        MerkleProofInvalid = "merkle_proof_invalid" {
            zh: "Merkle 包含证明推不出公布的根哈希",
            en: "A Merkle inclusion proof does not lead to the published root",
        },
        /// A receipt does not verify.
        ReceiptInvalid = "receipt_invalid" {
            zh: "回执验证不通过",
            en: "A receipt does not verify",
        },
        /// A Merkle root recomputed from the roster differs from the plan.
        RootMismatch = "root_mismatch" {
            zh: "由名录重新计算的 Merkle 根与计划不一致",
            en: "A Merkle root recomputed from the roster differs from the plan",
        },
        /// A 32-byte value (hash, secret, seed) is not 64 lowercase hex characters.
        HexInvalid = "hex_invalid" {
            zh: "32 字节的值（哈希、密钥、种子）不是 64 位小写十六进制",
            en: "A 32-byte value is not 64 lowercase hex characters",
        },
        /// Two Merkle leaves have the same canonical id.
        LeafDuplicate = "leaf_duplicate" {
            zh: "两个 Merkle 叶子的规范编号相同",
            en: "Two Merkle leaves have the same canonical id",
        },
        /// A Merkle leaf field is empty, unsorted or repeats an element.
        LeafInvalid = "leaf_invalid" {
            zh: "Merkle 叶子字段为空、未排序或有重复元素",
            en: "A Merkle leaf field is empty, unsorted or repeats an element",
        },
        /// A committed JSON document holds a number that is not a safe integer.
        NumberNotInteger = "number_not_integer" {
            zh: "已承诺的 JSON 文档中含有非安全整数的数字",
            en: "A committed JSON document holds a number that is not a safe integer",
        },
        /// A party, source or series id is not 1–64 characters of `[A-Za-z0-9._:-]`.
        IdInvalid = "id_invalid" {
            zh: "参与方、来源或序列编号不是 1–64 个允许的字符",
            en: "A party, source or series id is not 1–64 characters of [A-Za-z0-9._:-]",
        },
        /// The same beacon source appears twice.
        BeaconDuplicate = "beacon_duplicate" {
            zh: "同一公共随机源出现两次",
            en: "The same beacon source appears twice",
        },
        /// A beacon value comes from a source the plan (or re-draw) did not name.
        BeaconUnknown = "beacon_unknown" {
            zh: "公共随机源不是计划（或重新抽取）所指定的",
            en: "A beacon value comes from a source the plan did not name",
        },
        /// A re-draw attempt lacks a fresh commitment from a party of the plan.
        CommitmentMissing = "commitment_missing" {
            zh: "重新抽取缺少计划中某一方的新承诺",
            en: "A re-draw attempt lacks a fresh commitment from a party of the plan",
        },
        /// A published file holds a value in another spelling than its canonical text.
        ValueNotCanonical = "value_not_canonical" {
            zh: "公布文件中的值不是规范写法",
            en: "A published file holds a value in another spelling than its canonical text",
        },
        /// A publication folder lacks one of the files a published draw consists of.
        PublicationFileMissing = "publication_file_missing" {
            zh: "公布文件夹缺少抽取结果的某个文件",
            en: "A publication folder lacks one of the files a published draw consists of",
        },
    }
}
