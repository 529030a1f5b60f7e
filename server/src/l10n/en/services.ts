/** English messages for Services and the pods they select. */
export const servicesEn = {
  'service-target-port.name':
    'Service "{service}" sends traffic to the port named "{value}" ({field}) of the pods of {workloads}, but no container there declares a port with that name. The endpoints get no port for it, so the Service has no backends for this port. Declared: {declared}.',
  'service-target-port.number':
    'Service "{service}" sends traffic to port {value} ({field}) of the pods of {workloads}, but no container there declares {value} or listens on it. Connections will be refused. Declared: {declared}. Listening without a declaration (image defaults and settings): {listening}.',
  'service-target-port.number-unsure':
    'Service "{service}" sends traffic to port {value} ({field}) of the pods of {workloads}, but no container there declares {value}, and no image default or setting Podsight knows of listens on it. Unless a process listens on {value} anyway (a port set in its code or a config file), connections will be refused. Declared: {declared}. Listening without a declaration (image defaults and settings): {listening}.',
  'service-target-port.protocol':
    'Service "{service}" sends {protocol} traffic to the port named "{value}" ({field}), but the selected containers declare "{value}" only as {declared}. The endpoints look a named port up by name and protocol, so the Service has no backends for this port.',
  'service-target-port.suggest-either': ' Did you mean {onPort} (declared on the Service\'s port {port}) or {alike} (spelt alike)?',
  'service-target-port.loopback':
    'Service "{service}" sends traffic to port {port} ({field} {value}), but container "{container}" binds it on the pod\'s loopback only ({origin}). The Service\'s connections come to the pod\'s IP, so they are refused: bind the port on every address (0.0.0.0), or point the Service at a port that is.',
  'service-target-port.suggest': ' Did you mean {suggestion}?',
  'service-target-port.related': 'Container "{container}" is selected by this Service.',
};
