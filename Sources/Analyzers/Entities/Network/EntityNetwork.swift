import CorpusKit

/// The co-occurrence network of a corpus's entities: one node per entity, one undirected edge per pair of
/// entities named in the same sentence, paragraph or article, weighted by how many such units they share.
///
/// Build it one article at a time with ``add(article:)``, or per shard and then ``merge(_:)``: every count is a
/// sum over articles, so a corpus split into shards gives the same network as one pass, whatever the order.
///
/// ```swift
/// var network = EntityNetwork(unit: .sentence)
/// for entities in entitiesPerArticle { network.add(article: entities) }
/// try network.gexf().write(to: url, atomically: true, encoding: .utf8)
/// ```
///
/// Entities are matched across articles by kind and canonical name only (``nodeID(kind:name:)``): merging the
/// aliases of a corpus is a step that should run before, on the entities given to ``add(article:)``.
///
/// Memory grows with the number of distinct entities and of distinct pairs, not with the number of articles.
public struct EntityNetwork: Sendable, Equatable {
    /// The text unit within which two entities count as co-occurring.
    public enum Unit: String, Sendable, CaseIterable {
        /// Both are mentioned in the same sentence (``EntityMention/sentence``).
        case sentence
        /// Both are mentioned in the same paragraph (``EntityMention/paragraph``).
        case paragraph
        /// Both are mentioned in the same article.
        case article
    }

    /// An entity of the network.
    public struct Node: Sendable, Hashable {
        /// A stable, unique identifier made of the kind and the canonical name (see ``EntityNetwork/nodeID(kind:name:)``).
        public var id: String
        /// The name to show: the entity's canonical name.
        public var label: String
        /// What sort of entity it is.
        public var kind: EntityKind
        /// How many times it is mentioned, over all articles added.
        public var mentions: Int
        /// How many articles mention it.
        public var documents: Int

        /// Creates a node.
        /// - Parameters:
        ///   - id: Its identifier.
        ///   - label: Its name.
        ///   - kind: Its kind.
        ///   - mentions: Its number of mentions.
        ///   - documents: Its number of articles.
        public init(id: String, label: String, kind: EntityKind, mentions: Int, documents: Int) {
            self.id = id
            self.label = label
            self.kind = kind
            self.mentions = mentions
            self.documents = documents
        }
    }

    /// An undirected link between two nodes; `source` is the smaller id, so each pair has one edge.
    public struct Edge: Sendable, Hashable {
        /// The id of one end, which sorts before ``target``.
        public var source: String
        /// The id of the other end.
        public var target: String
        /// The number of units (sentences, paragraphs or articles) in which both ends are mentioned.
        public var weight: Int

        /// Creates an edge.
        /// - Parameters:
        ///   - source: The id of the end that sorts first.
        ///   - target: The id of the other end.
        ///   - weight: The number of shared units.
        public init(source: String, target: String, weight: Int) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    /// The most entities of one unit that are paired with each other.
    ///
    /// Pairing is quadratic in the entities of a unit: an article listing 2,000 names (a results table, a
    /// directory page) would make two million pairs of little meaning. Above the cap, the unit keeps the entities
    /// mentioned most in the article (ties: the smallest id), at most 19,900 pairs per unit. Nodes still count
    /// every entity's mentions and articles; only edges are limited.
    public static let maximumEntitiesPerUnit = 200

    /// The unit within which entities co-occur. Fixed at creation: the weights mean nothing under another unit.
    public private(set) var unit: Unit

    /// The nodes, in the order they were first seen; positions are the internal node numbers. Readable in the
    /// module so exports can look labels up without sorting.
    private(set) var nodeStore: [Node] = []
    /// The position in `nodeStore` of each id.
    private var positions: [String: Int] = [:]
    /// The weight of each edge, keyed by the positions of its ends.
    private var weights: [Pair: Int] = [:]

    /// Two node positions, the smaller first.
    private struct Pair: Hashable {
        var low: Int
        var high: Int

        init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }

    /// An empty network.
    /// - Parameter unit: The unit within which entities co-occur.
    public init(unit: Unit) {
        self.unit = unit
    }

    /// The identifier of the node for an entity: its kind, a colon, and its canonical name (`person:Jean Martin`).
    ///
    /// In the kind, `%` and `:` are written `%25` and `%3A`, so the first colon always ends the kind and two
    /// different (kind, name) pairs never share an id, even with a custom kind such as `EntityKind("a:b")`.
    /// - Parameters:
    ///   - kind: The entity's kind.
    ///   - name: Its canonical name.
    /// - Returns: The node id.
    public static func nodeID(kind: EntityKind, name: String) -> String {
        var id = ""
        for scalar in kind.rawValue.unicodeScalars {
            switch scalar {
            case "%": id += "%25"
            case ":": id += "%3A"
            default: id.unicodeScalars.append(scalar)
            }
        }
        id += ":"
        id += name
        return id
    }

    /// The nodes, most mentioned first, then by id.
    /// - Complexity: O(n log n) for n nodes (sorted on each call).
    public var nodes: [Node] {
        nodeStore.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.id < $1.id }
    }

    /// The edges, heaviest first, then by source and target.
    /// - Complexity: O(e log e) for e edges (built and sorted on each call).
    public var edges: [Edge] {
        weights.map { pair, weight in
            let (a, b) = (nodeStore[pair.low].id, nodeStore[pair.high].id)
            return a < b ? Edge(source: a, target: b, weight: weight) : Edge(source: b, target: a, weight: weight)
        }
        .sorted {
            if $0.weight != $1.weight { return $0.weight > $1.weight }
            return $0.source != $1.source ? $0.source < $1.source : $0.target < $1.target
        }
    }

    /// The number of nodes.
    public var nodeCount: Int { nodeStore.count }

    /// The number of edges.
    public var edgeCount: Int { weights.count }

    /// The weight of the edge between two nodes, 0 when they never co-occur.
    /// - Parameters:
    ///   - first: The id of one node.
    ///   - second: The id of the other.
    /// - Returns: The number of units in which both are mentioned.
    public func weight(between first: String, and second: String) -> Int {
        guard let a = positions[first], let b = positions[second], a != b else { return 0 }
        return weights[Pair(a, b)] ?? 0
    }

    /// Adds one article's entities: their mentions and one article to their nodes, and one to the weight of each
    /// pair for every unit in which both are mentioned.
    ///
    /// With ``Unit/article``, every pair of distinct entities of the article gets 1. With ``Unit/sentence`` or
    /// ``Unit/paragraph``, a pair gets 1 for each distinct sentence (paragraph) index where both have a mention;
    /// mentions without that index are left out of the pairing (but still counted on the node). Entities of the
    /// same kind and canonical name are one node, counted once in ``Node/documents``.
    ///
    /// An entity's mentions are `mentions.count`, or, for an entity built from counts, the sum of its variants'
    /// counts (negative counts read as 0; sums stop at `Int.max` rather than overflow).
    /// - Parameter entities: The article's entities, already merged within the article.
    /// - Complexity: O(m + k log k + p) for m mentions, k entities and p pairs per unit, where p is at most
    ///   ``maximumEntitiesPerUnit`` × (``maximumEntitiesPerUnit`` − 1) / 2 per unit.
    public mutating func add(article entities: [Entity]) {
        guard !entities.isEmpty else { return }
        // Group the article's entities by node, so a repeated entity counts one article and pairs with itself never.
        var slotOfPosition: [Int: Int] = [:]
        var slotPositions: [Int] = []
        var slotMentions: [Int] = []
        var slotEntities: [[Int]] = []
        for (index, entity) in entities.enumerated() {
            let position = insertNode(kind: entity.kind, name: entity.canonicalName)
            let count = Self.mentionCount(of: entity)
            if let slot = slotOfPosition[position] {
                slotMentions[slot] = Self.adding(slotMentions[slot], count)
                slotEntities[slot].append(index)
            } else {
                slotOfPosition[position] = slotPositions.count
                slotPositions.append(position)
                slotMentions.append(count)
                slotEntities.append([index])
            }
        }
        for (slot, position) in slotPositions.enumerated() {
            nodeStore[position].mentions = Self.adding(nodeStore[position].mentions, slotMentions[slot])
            nodeStore[position].documents = Self.adding(nodeStore[position].documents, 1)
        }

        // Rank the article's nodes once; the cap keeps the best ranked, and ranks make the choice deterministic.
        let ranked = slotPositions.indices.sorted { a, b in
            if slotMentions[a] != slotMentions[b] { return slotMentions[a] > slotMentions[b] }
            return nodeStore[slotPositions[a]].id < nodeStore[slotPositions[b]].id
        }
        let cap = Self.maximumEntitiesPerUnit

        switch unit {
        case .article:
            connect(ranked.prefix(cap).map { slotPositions[$0] })
        case .sentence, .paragraph:
            // Walking the nodes in rank order fills each unit's member list in rank order, without repeats
            // (a node's mentions are walked together, so a repeat can only be the last member).
            var members: [Int: [Int]] = [:]
            for slot in ranked {
                let position = slotPositions[slot]
                for entityIndex in slotEntities[slot] {
                    for mention in entities[entityIndex].mentions {
                        guard let index = unit == .sentence ? mention.sentence : mention.paragraph else { continue }
                        members[index, default: []].appendIfNew(position, cap: cap)
                    }
                }
            }
            // Units are visited in hash order, which is harmless: each adds 1 to its pairs, and sums commute.
            for list in members.values where list.count > 1 {
                connect(list)
            }
        }
    }

    /// Adds another network's nodes and weights to this one's, so that networks of shards can be combined.
    ///
    /// Merging is commutative and associative: merging the networks of two shards gives the network of all their
    /// articles. If the units differ, this network keeps its own unit and still adds the other's weights (the
    /// result then mixes units; callers that care should check ``unit`` first).
    /// - Parameter other: Another network, for example of another shard.
    /// - Complexity: O(n + e) for n nodes and e edges of `other`.
    public mutating func merge(_ other: EntityNetwork) {
        var mapped: [Int] = []
        mapped.reserveCapacity(other.nodeStore.count)
        for node in other.nodeStore {
            let position = insertNode(id: node.id, label: node.label, kind: node.kind)
            nodeStore[position].mentions = Self.adding(nodeStore[position].mentions, node.mentions)
            nodeStore[position].documents = Self.adding(nodeStore[position].documents, node.documents)
            mapped.append(position)
        }
        for (pair, weight) in other.weights {
            let key = Pair(mapped[pair.low], mapped[pair.high])
            // Two of the other's nodes can only map to one of ours if their ids are canonically equivalent, which
            // the other's own dictionary already rules out; skip rather than make a loop, to be safe.
            guard key.low != key.high else { continue }
            weights[key] = Self.adding(weights[key] ?? 0, weight)
        }
    }

    /// Whether two networks have the same unit, nodes and edges (however they were built).
    /// - Complexity: O((n + e) log(n + e)): both sides are sorted.
    public static func == (lhs: EntityNetwork, rhs: EntityNetwork) -> Bool {
        lhs.unit == rhs.unit && lhs.nodeStore.count == rhs.nodeStore.count && lhs.weights.count == rhs.weights.count
            && lhs.nodes == rhs.nodes && lhs.edges == rhs.edges
    }

    // MARK: Helpers

    /// Adds 1 to the weight of every pair of `positions` (distinct node positions).
    private mutating func connect(_ positions: [Int]) {
        guard positions.count > 1 else { return }
        for i in 0..<(positions.count - 1) {
            for j in (i + 1)..<positions.count {
                let key = Pair(positions[i], positions[j])
                weights[key] = Self.adding(weights[key] ?? 0, 1)
            }
        }
    }

    /// The position of the node for an entity, created with no mentions if new.
    private mutating func insertNode(kind: EntityKind, name: String) -> Int {
        insertNode(id: Self.nodeID(kind: kind, name: name), label: name, kind: kind)
    }

    /// The position of the node with this id, created with no mentions if new.
    ///
    /// Swift compares strings by canonical equivalence, so `Hélène` written with a precomposed `é` and with `e` and
    /// a combining accent are one node. Of such spellings the node keeps the one whose UTF-8 bytes sort first, so
    /// that its id and label do not depend on which article (or shard) came first.
    private mutating func insertNode(id: String, label: String, kind: EntityKind) -> Int {
        if let position = positions[id] {
            let stored = nodeStore[position].id
            if !stored.utf8.elementsEqual(id.utf8) && id.utf8.lexicographicallyPrecedes(stored.utf8) {
                nodeStore[position].id = id
                nodeStore[position].label = label
                nodeStore[position].kind = kind
                // Equal keys: the dictionary keeps its entry, which still finds the node.
            }
            return position
        }
        let position = nodeStore.count
        nodeStore.append(Node(id: id, label: label, kind: kind, mentions: 0, documents: 0))
        positions[id] = position
        return position
    }

    /// An entity's number of mentions, or the sum of its variants' counts when it has no mentions.
    ///
    /// Not ``Entity/count``, which would trap on variant counts that overflow when summed.
    private static func mentionCount(of entity: Entity) -> Int {
        guard entity.mentions.isEmpty else { return entity.mentions.count }
        return entity.variants.reduce(0) { adding($0, max($1.count, 0)) }
    }

    /// `a + b`, stopping at the bounds of `Int` instead of trapping: counts come from data we do not control.
    private static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}

extension Array where Element == Int {
    /// Appends `value` unless it is already the last element or the array holds `cap` elements.
    fileprivate mutating func appendIfNew(_ value: Int, cap: Int) {
        guard count < cap, last != value else { return }
        append(value)
    }
}
