import { propertyShape, type GraphTypeName } from '../graphTypes';
import { keyName, propertiesOf, valueOf, type Node } from '../jsonTree';

export interface TypedObject {
  readonly node: Node;
  readonly type: GraphTypeName;
  /** Property names (and array indexes) from the root to this object. */
  readonly path: readonly (string | number)[];
}

/**
 * Every object node of a document whose Graph type is known, found by following exactly spelled
 * properties from the root. A misspelled key is not followed: the casing rule reports it, and the
 * other rules see its contents once it is fixed.
 */
export function typedObjects(root: Node, type: GraphTypeName): TypedObject[] {
  const found: TypedObject[] = [];
  const visit = (node: Node, nodeType: GraphTypeName, path: readonly (string | number)[]): void => {
    if (node.type !== 'object') return;
    found.push({ node, type: nodeType, path });
    for (const property of propertiesOf(node)) {
      const name = keyName(property);
      const shape = propertyShape(nodeType, name);
      if (!shape?.type) continue;
      const value = valueOf(property);
      if (value.type === 'array')
        value.children?.forEach((item, index) => visit(item, shape.type!, [...path, name, index]));
      else visit(value, shape.type, [...path, name]);
    }
  };
  visit(root, type, []);
  return found;
}
